package io.warmy.app;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;

import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Counts every statement the MySQL driver sends, in this JVM, when named in a JDBC URL's
 * {@code queryInterceptors}, and records their text on demand: how a test proves that work
 * stays off the database.
 */
public final class StatementCounter implements QueryInterceptor {

    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final Queue<String> RECORDED = new ConcurrentLinkedQueue<>();
    private static volatile boolean recording;

    static long count() {
        return STATEMENTS.get();
    }

    /** Keeps the text of every statement from now on, until {@link #stopRecording()}. */
    static void startRecording() {
        RECORDED.clear();
        recording = true;
    }

    /** The statements sent since {@link #startRecording()}. */
    static List<String> stopRecording() {
        recording = false;
        return List.copyOf(RECORDED);
    }

    @Override
    public QueryInterceptor init(MysqlConnection conn, Properties props, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query interceptedQuery) {
        STATEMENTS.incrementAndGet();
        if (recording) {
            RECORDED.add(sql.get());
        }
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query interceptedQuery, T originalResultSet,
                                               ServerSession serverSession) {
        return null;
    }
}
