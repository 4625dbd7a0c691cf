package io.warmy.application.tracking.port.out;

/**
 * Secrets of the installation itself (not of a tenant), shared by every node through the
 * database: the first node to ask for one stores it, and every node then reads the same.
 */
public interface ServerSecrets {

    /** The secret stored under {@code name}; stores {@code candidate} first when there is none yet. */
    byte[] getOrCreate(String name, byte[] candidate);
}
