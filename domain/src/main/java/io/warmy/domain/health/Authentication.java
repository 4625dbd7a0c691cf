package io.warmy.domain.health;

/** The latest SPF, DKIM and DMARC verdicts reported for mail from a mailbox; unknown until one is reported. */
public record Authentication(AuthResult spf, AuthResult dkim, AuthResult dmarc) {

    public static final Authentication UNKNOWN = new Authentication(AuthResult.NONE, AuthResult.NONE, AuthResult.NONE);

    /** Share of the three that pass, 0–1. */
    public double passing() {
        int pass = (spf == AuthResult.PASS ? 1 : 0) + (dkim == AuthResult.PASS ? 1 : 0) + (dmarc == AuthResult.PASS ? 1 : 0);
        return pass / 3.0;
    }
}
