package io.warmy.domain.tracking;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The server keys that sign tracking links: the current one signs new links, and every key kept
 * here still verifies the links it signed, so rotating a key leaves links already in inboxes
 * working. Keys are named by a short id carried in each token.
 */
public final class TrackingKeys {

    private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,8}");
    public static final int MIN_KEY_BYTES = 32;

    private final String currentId;
    private final Map<String, byte[]> keys;

    /** @param keys key id → secret, the current key first */
    public TrackingKeys(Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one tracking key is needed");
        }
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a tracking key id is 1-8 lower-case letters or digits");
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("a tracking key holds at least " + MIN_KEY_BYTES + " bytes");
            }
        });
        this.keys = new LinkedHashMap<>(keys);
        this.currentId = keys.keySet().iterator().next();
    }

    public String currentId() {
        return currentId;
    }

    byte[] current() {
        return keys.get(currentId);
    }

    Optional<byte[]> find(String id) {
        return Optional.ofNullable(keys.get(Objects.requireNonNull(id)));
    }

    @Override
    public String toString() {
        return "TrackingKeys[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
