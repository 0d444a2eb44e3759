package kz.senim.notification.delivery.domain;

/** Where a notification is delivered: by e-mail, or into the portal's inbox. */
public enum Channel {
    EMAIL,
    IN_APP
}
