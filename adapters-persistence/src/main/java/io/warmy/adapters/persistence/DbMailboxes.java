package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.MailboxStatus;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.warmup.WarmupSettings;
import io.warmy.domain.warmup.WarmupState;
import io.warmy.domain.warmup.WarmupStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Mailboxes and their warmup in table {@code mailboxes}, one row each. Writes are optimistic: an
 * update names the version it read and bumps it, so a write based on a stale read changes nothing.
 */
final class DbMailboxes implements Mailboxes {

    private static final String KEY = "workspace_id, mode, id";
    /** Everything an update may change, in the order {@link #changeableValues} lists it. */
    private static final String CHANGEABLE = "provider, display_name, daily_limit, status, disconnect_reason,"
            + " warmup_status, warmup_daily_target, warmup_start_volume, warmup_ramp_up_per_day, warmup_reply_rate,"
            + " warmup_weekdays_only, warmup_days_before, warmup_active_since, warmup_paused_on,"
            + " warmup_prev_daily_target, warmup_prev_start_volume, warmup_prev_ramp_up_per_day, warmup_prev_reply_rate,"
            + " warmup_prev_weekdays_only, warmup_settings_changed_on, connected_at_ms, updated_at_ms";
    private static final String COLUMNS = KEY + ", email, created_at_ms, version, " + CHANGEABLE;
    private static final String SELECT = "SELECT " + COLUMNS + " FROM mailboxes";
    private static final String TENANT = " WHERE workspace_id = ? AND mode = ?";
    private static final String UPDATE = "UPDATE mailboxes SET " + String.join(" = ?, ", CHANGEABLE.split(",\\s*"))
            + " = ?, version = version + 1" + TENANT + " AND id = ? AND version = ?";

    private final DbTransactions db;

    DbMailboxes(DbTransactions db) {
        this.db = db;
    }

    @Override
    public void insert(Mailbox mailbox) {
        List<Object> values = new ArrayList<>(tenantAnd(mailbox.tenant(), mailbox.id().value()));
        values.add(mailbox.email().value());
        values.add(mailbox.createdAt().toEpochMilli());
        values.add(0L); // every mailbox starts at version 0, whatever the value handed in carries
        values.addAll(changeableValues(mailbox));
        String placeholders = "?" + ", ?".repeat(values.size() - 1);
        try {
            db.execute().insert("INSERT INTO mailboxes (" + COLUMNS + ") VALUES (" + placeholders + ")",
                    values.toArray());
        } catch (RuntimeException e) {
            if (SqlErrors.isDuplicateOf(e, "uq_mailboxes_email")) {
                throw new ConflictException("mailbox_already_connected",
                        "Mailbox " + mailbox.email() + " is already connected.");
            }
            throw e;
        }
    }

    @Override
    public Optional<Mailbox> find(Tenant tenant, MailboxId id) {
        return db.execute().get(SELECT + TENANT + " AND id = ?", tenantAnd(tenant, id.value()).toArray())
                .map(DbMailboxes::read);
    }

    @Override
    public Optional<Mailbox> findByEmail(Tenant tenant, EmailAddress email) {
        return db.execute().get(SELECT + TENANT + " AND email = ?", tenantAnd(tenant, email.value()).toArray())
                .map(DbMailboxes::read);
    }

    @Override
    public boolean update(Mailbox mailbox) {
        List<Object> values = new ArrayList<>(changeableValues(mailbox));
        values.addAll(tenantAnd(mailbox.tenant(), mailbox.id().value()));
        values.add(mailbox.version());
        return db.execute().update(UPDATE, values.toArray()) == 1;
    }

    @Override
    public List<Mailbox> list(Tenant tenant, MailboxFilter filter, Optional<MailboxId> afterId, int limit) {
        return new NewestFirst(SELECT + TENANT, tenant.workspaceId().value(), tenant.mode().wireName())
                .where("status = ?", filter.status() == null ? null : filter.status().wireName())
                .where("provider = ?", filter.provider() == null ? null : filter.provider().wireName())
                .where("warmup_status = ?", filter.warmupStatus() == null ? null : filter.warmupStatus().wireName())
                .page(db, afterId.map(MailboxId::value), limit, DbMailboxes::read);
    }

    private static List<Object> tenantAnd(Tenant tenant, String value) {
        return List.of(tenant.workspaceId().value(), tenant.mode().wireName(), value);
    }

    private static List<Object> changeableValues(Mailbox m) {
        WarmupState w = m.warmup();
        WarmupSettings s = w.settings();
        WarmupSettings p = w.previousSettings();
        // Arrays.asList, not List.of: several of these may be null.
        return Arrays.asList(m.provider().wireName(), m.displayName(), m.dailyLimit(), m.status().wireName(),
                m.disconnectReason(), w.status().wireName(), s.dailyTarget(), s.startVolume(), s.rampUpPerDay(),
                s.replyRate(), s.weekdaysOnly(), w.daysBefore(), w.activeSince(), w.pausedOn(),
                p == null ? null : p.dailyTarget(), p == null ? null : p.startVolume(),
                p == null ? null : p.rampUpPerDay(), p == null ? null : p.replyRate(),
                p == null ? null : p.weekdaysOnly(), w.settingsChangedOn(),
                m.connectedAt().toEpochMilli(), m.updatedAt().toEpochMilli());
    }

    private static Mailbox read(DbRow row) {
        Columns c = new Columns(row);
        Tenant tenant = new Tenant(new WorkspaceId(c.string()), Mode.parse(c.string(), "mode"));
        MailboxId id = new MailboxId(c.string());
        EmailAddress email = new EmailAddress(c.string());
        Instant createdAt = c.instant();
        long version = c.longValue();
        Provider provider = Provider.parse(c.string(), "provider");
        String displayName = c.string();
        int dailyLimit = c.integer();
        MailboxStatus status = MailboxStatus.parse(c.string(), "status");
        String disconnectReason = c.string();
        WarmupStatus warmupStatus = WarmupStatus.parse(c.string(), "warmupStatus");
        WarmupSettings settings = new WarmupSettings(c.integer(), c.integer(), c.integer(), c.integer(), c.bool());
        int daysBefore = c.integer();
        LocalDate activeSince = c.date();
        LocalDate pausedOn = c.date();
        Integer previousTarget = c.nullableInteger();
        Integer previousStart = c.nullableInteger();
        Integer previousRamp = c.nullableInteger();
        Integer previousReply = c.nullableInteger();
        Boolean previousWeekdays = c.nullableBool();
        LocalDate changedOn = c.date();
        WarmupSettings previous = previousTarget == null ? null
                : new WarmupSettings(previousTarget, previousStart, previousRamp, previousReply, previousWeekdays);
        WarmupState warmup = new WarmupState(warmupStatus, settings, daysBefore, activeSince, pausedOn, previous,
                previous == null ? null : changedOn);
        Instant connectedAt = c.instant();
        return new Mailbox(id, tenant, email, provider, displayName, dailyLimit, status, disconnectReason, warmup,
                createdAt, connectedAt, c.instant(), version);
    }
}
