package io.warmy.adapters.rest;

import io.warmy.application.common.Page;

import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code nextCursor} is null on the last page and is passed back unchanged for the next. */
record ListJson<T>(List<T> data, boolean hasMore, String nextCursor) {

    static <S, T> ListJson<T> of(Page<S> page, Function<S, T> toJson) {
        return new ListJson<>(page.items().stream().map(toJson).toList(), page.hasMore(), page.nextCursor());
    }
}
