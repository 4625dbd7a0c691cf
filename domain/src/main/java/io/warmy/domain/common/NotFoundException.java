package io.warmy.domain.common;

/** No such thing in the caller's workspace and mode; another tenant's ids land here too. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String resource, String id) {
        super(resource + "_not_found", "No " + resource.replace('_', ' ') + " with id '" + id + "'.");
    }
}
