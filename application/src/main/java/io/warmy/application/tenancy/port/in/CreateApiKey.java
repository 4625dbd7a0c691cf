package io.warmy.application.tenancy.port.in;

import io.warmy.domain.tenancy.ApiKey;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.RateLimit;

/** Issues a new API key of the caller's workspace; the answer is the only time its secret is shown. */
public interface CreateApiKey {

    /**
     * @param mode  the new key's mode; null means the caller's own. A sandbox key cannot issue live keys.
     * @param admin whether the new key may manage keys
     * @param rateLimit how many requests the new key may make in any hour
     */
    record Command(String name, Mode mode, boolean admin, RateLimit rateLimit) {
        public Command {
            name = ApiKey.requireName(name);
            java.util.Objects.requireNonNull(rateLimit, "rateLimit");
        }

        /** A key under the default rate limit. */
        public Command(String name, Mode mode, boolean admin) {
            this(name, mode, admin, RateLimit.DEFAULT);
        }
    }

    /** The stored key and, once, its full secret. */
    record Issued(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "Issued[" + key.id() + "]";
        }
    }

    Issued create(Caller caller, Command command);
}
