package io.warmy.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database baselines, in a process of their own: what hand-written JDBC does with the same
 * rows Warmy writes, through HikariCP with Warmy's default pool of 10 connections.
 * <ul>
 *   <li>{@code select URL THREADS SECONDS WORKSPACE IDS}: the SELECT of a mailbox by its key, autocommit</li>
 *   <li>{@code update URL THREADS SECONDS WORKSPACE IDS}: the warmup-settings UPDATE of a mailbox, autocommit</li>
 *   <li>{@code insert-each URL THREADS SECONDS WORKSPACE MAILBOX}: an event row per transaction</li>
 *   <li>{@code insert-batch URL 1 ROWS WORKSPACE MAILBOX}: the rows in multi-row INSERTs of 500</li>
 * </ul>
 */
public final class JdbcLoad {

    private static final String INSERT = "INSERT INTO events (workspace_id, mode, id, type, data, timestamp_ms, dedup_hash,"
            + " dedup_key) VALUES (?, 'live', ?, 'email.opened', ?, ?, ?, ?)";

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[1]);
        config.setUsername(Database.USER);
        config.setPassword(Database.PASSWORD);
        config.setMaximumPoolSize(10);
        int threads = Integer.parseInt(args[2]);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            switch (mode) {
                case "select" -> timed(threads, Integer.parseInt(args[3]), () -> select(pool, args[4], args[5].split(",")));
                case "update" -> timed(threads, Integer.parseInt(args[3]), () -> update(pool, args[4], args[5].split(",")));
                case "insert-each" -> timed(threads, Integer.parseInt(args[3]), () -> insertOne(pool, args[4], args[5]));
                case "insert-batch" -> batch(pool, Integer.parseInt(args[3]), args[4], args[5]);
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
    }

    interface Operation {
        void run() throws SQLException;
    }

    /** Runs the operation on {@code threads} threads for {@code seconds}; reports operations/s and latencies. */
    private static void timed(int threads, int seconds, Operation operation) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[100_001];
            latencies.add(mine);
            workers.add(Thread.ofPlatform().start(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    try {
                        operation.run();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    if (n < mine.length - 1) {
                        mine[n++] = System.nanoTime() - t0;
                    }
                    done.incrementAndGet();
                }
                mine[mine.length - 1] = n;
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> all = new ArrayList<>();
        for (long[] mine : latencies) {
            for (int i = 0; i < mine[mine.length - 1]; i++) {
                all.add(mine[i]);
            }
        }
        long[] values = all.stream().mapToLong(Long::longValue).toArray();
        Bench.result(Bench.object().put("perSecond", done.get() / elapsed).put("count", done.get())
                .put("p50Ms", Bench.percentile(values, 50) / 1e6).put("p99Ms", Bench.percentile(values, 99) / 1e6));
    }

    private static void select(HikariDataSource pool, String workspace, String[] ids) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM mailboxes WHERE workspace_id = ? AND mode = 'live'"
                     + " AND id = ?")) {
            s.setString(1, workspace);
            s.setString(2, ids[ThreadLocalRandom.current().nextInt(ids.length)]);
            try (var rows = s.executeQuery()) {
                while (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        rows.getObject(i);
                    }
                }
            }
        }
    }

    private static void update(HikariDataSource pool, String workspace, String[] ids) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE mailboxes SET warmup_daily_target = ?, updated_at_ms = ?,"
                     + " version = version + 1 WHERE workspace_id = ? AND mode = 'live' AND id = ?")) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            s.setInt(1, random.nextInt(20, 61));
            s.setLong(2, System.currentTimeMillis());
            s.setString(3, workspace);
            s.setString(4, ids[random.nextInt(ids.length)]);
            s.executeUpdate();
        }
    }

    private static void insertOne(HikariDataSource pool, String workspace, String mailbox) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            bind(s, workspace, mailbox, "p-jdbc-" + UUID.randomUUID());
            s.executeUpdate();
            c.commit();
            c.setAutoCommit(true);
        }
    }

    private static void batch(HikariDataSource pool, int rows, String workspace, String mailbox) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = pool.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            for (int i = 1; i <= rows; i++) {
                bind(s, workspace, mailbox, "p-batch-" + UUID.randomUUID());
                s.addBatch();
                if (i % 500 == 0 || i == rows) {
                    s.executeBatch();
                    c.commit();
                }
            }
            c.setAutoCommit(true);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Bench.result(Bench.object().put("perSecond", rows / elapsed).put("count", rows));
    }

    /** An email.opened row as Warmy stores it: the payload as JSON text and the dedup key with its hash. */
    private static void bind(PreparedStatement s, String workspace, String mailbox, String prospect) throws SQLException {
        Instant now = Instant.now();
        String data = "{\"prospectId\":\"" + prospect + "\",\"prospectEmail\":\"" + prospect + "@bench.example\","
                + "\"campaignId\":\"c-bench\",\"mailboxId\":\"" + mailbox + "\",\"stepIndex\":0,\"openedAt\":\"" + now + "\"}";
        String key = "email.opened|c-bench|" + prospect;
        s.setString(1, workspace);
        s.setString(2, UUID.randomUUID().toString());
        s.setString(3, data);
        s.setLong(4, now.toEpochMilli());
        s.setString(5, sha256(key));
        s.setString(6, key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
