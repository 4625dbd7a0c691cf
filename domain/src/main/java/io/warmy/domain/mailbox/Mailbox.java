package io.warmy.domain.mailbox;

import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.WarmupSettings;
import io.warmy.domain.warmup.WarmupState;
import io.warmy.domain.warmup.WarmupStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A sending mailbox of a workspace and its warmup. Every change returns a new value with
 * {@code updatedAt} moved on; {@code version} is the stored revision, used by the store to
 * refuse a write based on a stale read. {@code connectedAt} is when the current (or last)
 * connection began: it tells one connection from the next.
 */
public record Mailbox(MailboxId id, Tenant tenant, EmailAddress email, Provider provider, String displayName,
                      int dailyLimit, MailboxStatus status, String disconnectReason, WarmupState warmup,
                      Instant createdAt, Instant connectedAt, Instant updatedAt, long version) {

    public static final int DEFAULT_DAILY_LIMIT = 50;
    public static final int MAX_DAILY_LIMIT = 2000;
    public static final int MAX_DISPLAY_NAME = 200;
    public static final int MAX_REASON = 200;

    public Mailbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(provider, "provider");
        displayName = requireDisplayName(displayName, email);
        requireDailyLimit(dailyLimit);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(connectedAt, "connectedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A newly connected mailbox; its warmup starts today with the default settings. */
    public static Mailbox connect(MailboxId id, Tenant tenant, EmailAddress email, Provider provider,
                                  String displayName, Integer dailyLimit, Instant now) {
        WarmupState warmup = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(day(now));
        return new Mailbox(id, tenant, email, provider, displayName,
                dailyLimit == null ? DEFAULT_DAILY_LIMIT : dailyLimit, MailboxStatus.CONNECTED, null, warmup,
                now, now, now, 0);
    }

    /**
     * Connects a disconnected mailbox again (same id, its history kept). Warmup stays paused, as
     * the disconnect left it, until it is resumed.
     */
    public Mailbox reconnect(Provider provider, String displayName, Integer dailyLimit, Instant now) {
        if (status == MailboxStatus.CONNECTED) {
            throw new ConflictException("mailbox_already_connected",
                    "Mailbox " + email + " is already connected as " + id + ".");
        }
        return new Mailbox(id, tenant, email, provider, displayName == null ? this.displayName : displayName,
                dailyLimit == null ? this.dailyLimit : dailyLimit, MailboxStatus.CONNECTED, null, warmup,
                createdAt, now, now, version);
    }

    /**
     * Stops all sending: the mailbox is disconnected and an active warmup is paused. Disconnecting
     * a disconnected mailbox changes nothing (and answers {@code this}), so a retried disconnect is safe.
     */
    public Mailbox disconnect(String reason, Instant now) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new InvalidValueException("reason", "reason must be 1-" + MAX_REASON + " characters.");
        }
        if (status == MailboxStatus.DISCONNECTED) {
            return this;
        }
        WarmupState paused = warmup.status() == WarmupStatus.ACTIVE ? warmup.pause(day(now)) : warmup;
        return new Mailbox(id, tenant, email, provider, displayName, dailyLimit, MailboxStatus.DISCONNECTED, reason,
                paused, createdAt, connectedAt, now, version);
    }

    /** Changes the display name and/or daily limit; null leaves a field as it is. Unchanged values answer {@code this}. */
    public Mailbox update(String newDisplayName, Integer newDailyLimit, Instant now) {
        if ((newDisplayName == null || newDisplayName.strip().equals(displayName))
                && (newDailyLimit == null || newDailyLimit == dailyLimit)) {
            return this;
        }
        return new Mailbox(id, tenant, email, provider, newDisplayName == null ? displayName : newDisplayName,
                newDailyLimit == null ? dailyLimit : newDailyLimit, status, disconnectReason, warmup, createdAt,
                connectedAt, now, version);
    }

    public Mailbox pauseWarmup(Instant now) {
        return withWarmup(warmup.pause(day(now)), now);
    }

    public Mailbox resumeWarmup(Instant now) {
        requireConnected();
        return withWarmup(warmup.resume(day(now)), now);
    }

    public Mailbox updateWarmupSettings(WarmupSettings settings, Instant now) {
        return withWarmup(warmup.withSettings(settings, day(now)), now);
    }

    private Mailbox withWarmup(WarmupState newWarmup, Instant now) {
        if (newWarmup.equals(warmup)) {
            return this;
        }
        return new Mailbox(id, tenant, email, provider, displayName, dailyLimit, status, disconnectReason, newWarmup,
                createdAt, connectedAt, now, version);
    }

    /** The same mailbox at another stored revision (stores set it; nothing else changes). */
    public Mailbox withVersion(long newVersion) {
        return new Mailbox(id, tenant, email, provider, displayName, dailyLimit, status, disconnectReason, warmup,
                createdAt, connectedAt, updatedAt, newVersion);
    }

    private void requireConnected() {
        if (status != MailboxStatus.CONNECTED) {
            throw new ConflictException("mailbox_disconnected",
                    "Mailbox " + id + " is disconnected; connect it again before resuming warmup.");
        }
    }

    /** The UTC calendar day of an instant: the day every daily rule speaks of. */
    public static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    public static void requireDailyLimit(int dailyLimit) {
        if (dailyLimit < 1 || dailyLimit > MAX_DAILY_LIMIT) {
            throw new InvalidValueException("dailyLimit",
                    "dailyLimit must be between 1 and " + MAX_DAILY_LIMIT + " (was " + dailyLimit + ").");
        }
    }

    private static String requireDisplayName(String displayName, EmailAddress email) {
        if (displayName == null) {
            return email.value();
        }
        String trimmed = displayName.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidValueException("displayName", "displayName must not be blank.");
        }
        if (trimmed.length() > MAX_DISPLAY_NAME) {
            throw new InvalidValueException("displayName",
                    "displayName must be at most " + MAX_DISPLAY_NAME + " characters.");
        }
        return trimmed;
    }
}
