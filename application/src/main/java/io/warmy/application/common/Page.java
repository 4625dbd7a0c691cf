package io.warmy.application.common;

import java.util.List;
import java.util.function.Function;

/** A page of a list, newest first, and the cursor of the next page when there is one. */
public record Page<T>(List<T> items, boolean hasMore, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Builds a page from up to {@code limit + 1} items fetched by a store: the extra item, when
     * present, only says that there is more.
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> idOf) {
        boolean more = fetched.size() > limit;
        List<T> items = more ? fetched.subList(0, limit) : fetched;
        String next = more ? PageRequest.encode(idOf.apply(items.get(items.size() - 1))) : null;
        return new Page<>(items, more, next);
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), hasMore, nextCursor);
    }
}
