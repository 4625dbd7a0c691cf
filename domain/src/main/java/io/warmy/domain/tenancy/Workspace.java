package io.warmy.domain.tenancy;

import io.warmy.domain.common.InvalidValueException;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** A customer account: owns mailboxes, keys, webhooks and events, in both modes. */
public record Workspace(WorkspaceId id, String name, Instant createdAt) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}");

    public Workspace {
        Objects.requireNonNull(id, "id");
        name = requireName(name);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Workspace names are short and printable so operators can name them on a command line. */
    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name.trim()).matches()) {
            throw new InvalidValueException("name",
                    "Workspace name must be 1-64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.");
        }
        return name.trim();
    }
}
