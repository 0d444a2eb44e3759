package kz.senim.notification.template;

/** A message ready to be mailed or shown: subject, plain text, HTML and the portal link. */
public record ComposedMessage(String subject, String text, String html, String portalLink) {}
