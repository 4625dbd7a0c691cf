package io.warmy.bench;

import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.PersistenceAdapter;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How two queries that must not slow down as the tables grow behave at 1,000× more rows, in a
 * process of its own on a MariaDB database of its own, through Warmy's own persistence adapter:
 * the webhook dispatcher's claim of due deliveries, and a mailbox's year of daily stats. Rows are
 * made by the server itself from MariaDB's sequence tables ({@code seq_1_to_N}).
 * <p>Argument: the large number of pending deliveries (10^6 in the full run).
 */
public final class Growth {

    private static final String WORKSPACE = "ws_" + "0".repeat(26);
    private static final Tenant TENANT = new Tenant(new WorkspaceId(WORKSPACE), Mode.LIVE);
    private static final int SAMPLES = 200;
    private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    public static void main(String[] args) throws Exception {
        long large = Long.parseLong(args[0]);
        long small = 1_000;
        try (Database db = Database.create("growth")) {
            PersistenceAdapter adapter = PersistenceAdapter.open(new DatabaseSettings(db.url, Database.USER, Database.PASSWORD, 4));
            try (Connection c = db.connect()) {
                addDeliveries(c, 1, small);
                double claimSmall = claim(adapter.deliveryQueue(), c);
                addDeliveries(c, small + 1, large);
                double claimLarge = claim(adapter.deliveryQueue(), c);

                addDays(c, 1, 10);
                double statsSmall = stats(adapter.warmupActivity());
                addDays(c, 11, 1000);
                double statsLarge = stats(adapter.warmupActivity());
                Bench.result(Bench.object().put("smallPending", small).put("largePending", large).put("samples", SAMPLES)
                        .put("claimSmallMs", claimSmall).put("claimLargeMs", claimLarge)
                        .put("claimLogRatio", Math.log(large) / Math.log(small))
                        .put("statsSmallMs", statsSmall).put("statsLargeMs", statsLarge)
                        .put("statsLogRatio", Math.log(1000 * 365.0) / Math.log(10 * 365.0)));
            } finally {
                adapter.close();
            }
        }
    }

    /** Pending deliveries numbered from..to, due in that order, none leased. */
    private static void addDeliveries(Connection c, long from, long to) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO deliveries (workspace_id, mode, id, endpoint_id, event_id, event_type, status, attempts,"
                    + " next_attempt_at_ms, created_at_ms, lease_owner, lease_until_ms, last_status_code, last_error)"
                    + " SELECT '" + WORKSPACE + "', 'live', CONCAT('dlv_', LPAD(seq, 26, '0')), 'we_" + "0".repeat(26) + "',"
                    + " CONCAT('00000000-0000-4000-8000-', LPAD(seq, 12, '0')), 'email.opened', 'pending', 0, "
                    + T0 + " + seq, " + T0 + ", NULL, NULL, NULL, NULL FROM seq_" + from + "_to_" + to);
            s.execute("ANALYZE TABLE deliveries");
        }
    }

    /** Median milliseconds of claiming 50 due deliveries; the leases are cleared after each, untimed. */
    private static double claim(DeliveryQueue queue, Connection c) throws SQLException {
        Instant now = Instant.ofEpochMilli(T0).plusSeconds(86_400 * 400L);
        double[] ms = new double[SAMPLES];
        for (int i = -20; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            List<Delivery> claimed = queue.claim("bench", now, now.plusSeconds(60), 50);
            long took = System.nanoTime() - t0;
            if (claimed.size() != 50) {
                throw new IllegalStateException("claimed " + claimed.size() + " deliveries, not 50");
            }
            if (i >= 0) {
                ms[i] = took / 1e6;
            }
            try (Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE deliveries SET lease_owner = NULL, lease_until_ms = NULL WHERE id IN ("
                        + claimed.stream().map(d -> "'" + d.id().value() + "'").collect(Collectors.joining(",")) + ")");
            }
        }
        return Bench.median(ms);
    }

    /** 365 days of stats for mailboxes numbered from..to. */
    private static void addDays(Connection c, int from, int to) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO warmup_daily (workspace_id, mode, mailbox_id, counted_on, sent, inbox, spam, promotions,"
                    + " missing_count, saved_from_spam, replies, bounces, complaints)"
                    + " SELECT '" + WORKSPACE + "', 'live', CONCAT('mbx_', LPAD(m.seq, 26, '0')),"
                    + " DATE_ADD('2025-01-01', INTERVAL d.seq DAY), 40, 36, 2, 1, 1, 1, 3, 0, 0"
                    + " FROM seq_" + from + "_to_" + to + " m, seq_0_to_364 d");
            s.execute("ANALYZE TABLE warmup_daily");
        }
    }

    /** Median milliseconds of reading one mailbox's 365 days. */
    private static double stats(WarmupActivity activity) {
        MailboxId mailbox = new MailboxId("mbx_" + "0".repeat(25) + "7");
        LocalDate from = LocalDate.parse("2025-01-01");
        double[] ms = new double[SAMPLES];
        for (int i = -20; i < SAMPLES; i++) {
            long t0 = System.nanoTime();
            int days = activity.days(TENANT, mailbox, from, from.plusDays(364)).size();
            long took = System.nanoTime() - t0;
            if (days != 365) {
                throw new IllegalStateException("read " + days + " days, not 365");
            }
            if (i >= 0) {
                ms[i] = took / 1e6;
            }
        }
        return Bench.median(ms);
    }
}
