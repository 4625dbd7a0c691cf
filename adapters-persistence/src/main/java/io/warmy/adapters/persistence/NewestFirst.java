package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One page of a list, newest first: the tenant's rows, narrowed by optional filters, after the
 * last id a cursor named. Ids are time-ordered, so {@code ORDER BY id DESC} is newest first and a
 * keyset ({@code id < ?}) pages without offsets.
 */
final class NewestFirst {

    private final StringBuilder sql;
    private final List<Object> params;

    /** @param selectWhere a {@code SELECT … WHERE …} whose placeholders {@code params} fill */
    NewestFirst(String selectWhere, Object... params) {
        this.sql = new StringBuilder(selectWhere);
        this.params = new ArrayList<>(Arrays.asList(params));
    }

    /** Adds {@code AND <condition>} with its one placeholder, unless the filter is not set (null). */
    NewestFirst where(String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            params.add(value);
        }
        return this;
    }

    <T> List<T> page(DbTransactions db, Optional<String> afterId, int limit, Function<DbRow, T> read) {
        where("id < ?", afterId.orElse(null));
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(limit);
        try (Stream<DbRow> rows = db.execute().query(sql.toString(), params.toArray())) {
            return rows.map(read).toList();
        }
    }
}
