package kz.senim.platform.web;

import kz.senim.platform.problem.FieldsRefused;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text PostgreSQL can store: no NUL character (U+0000) and no lone surrogate (half of a character
 * outside the BMP), which {@code text} columns refuse with an error (a 500 before). Every string of a
 * JSON body is checked as it is read ({@link #module()}, registered for every service), so such a value
 * answers 400 naming its JSON path with the code {@value #CODE}; other input (a CSV file) is checked with
 * {@link #storable} or {@link #require}.
 */
public final class StorableText {

    /** The code and message key of a refused value. */
    public static final String CODE = "text.unstorable";

    private StorableText() {}

    public static boolean storable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws FieldsRefused naming the field (400) when the text cannot be stored
     */
    public static void require(String text, String field) {
        if (text != null && !storable(text)) {
            throw new FieldsRefused(field, CODE);
        }
    }

    /** Jackson reads every string through this check. */
    public static JacksonModule module() {
        SimpleModule module = new SimpleModule("senim-storable-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
                String value = super.deserialize(p, ctxt);
                if (value != null && !storable(value)) {
                    throw new Unstorable(p);
                }
                return value;
            }
        });
        return module;
    }

    /** A JSON string that cannot be stored; it keeps nothing of the text. */
    public static final class Unstorable extends InvalidFormatException {
        Unstorable(JsonParser p) {
            super(p, "Text with a NUL character or a lone surrogate cannot be stored", null, String.class);
        }
    }
}
