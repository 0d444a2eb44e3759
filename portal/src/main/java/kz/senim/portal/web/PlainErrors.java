package kz.senim.portal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A refused form's field errors in words its reader understands. The API explains a field by its rule
 * ("size must be between 2 and 30"), which is right for a client and means nothing to a child; a form that
 * knows better says so in its bundle as {@code <form>.error.<field>} (a list's index left out:
 * {@code parties[1].grade} is {@code parties.grade}), and the API's own words stay for the rest.
 */
@Component
public class PlainErrors {

    private final MessageSource messages;

    PlainErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The same fields, in the same order, each with the form's plain sentence where it has one. */
    public Map<String, String> of(String form, Map<String, String> errors) {
        Map<String, String> plain = new LinkedHashMap<>();
        errors.forEach((field, apiText) -> {
            String key = form + ".error." + field.replaceAll("\\[\\d+]", "");
            plain.put(field, messages.getMessage(key, null, apiText, LocaleContextHolder.getLocale()));
        });
        return plain;
    }
}
