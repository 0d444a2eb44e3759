package kz.senim.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import kz.senim.notification.delivery.domain.Category;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.web.Versions;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Someone's e-mail choices per category; essential categories are always mailed. */
@Service
class EmailPreferences {

    private final PreferenceRepository preferences;
    private final UnsubscribeTokens tokens;

    EmailPreferences(PreferenceRepository preferences, UnsubscribeTokens tokens) {
        this.preferences = preferences;
        this.tokens = tokens;
    }

    /** Whether each category is mailed to the user, in the categories' order. */
    @Transactional(readOnly = true)
    Map<Category, Boolean> mailed(CurrentUser user) {
        Map<Category, Boolean> choices = preferences.choices(user.id());
        Map<Category, Boolean> mailed = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            mailed.put(category, category.mailed(choices.get(category)));
        }
        return mailed;
    }

    /**
     * Changes the named categories, others stay as they are; a stale {@code If-Match} (if sent) answers 412,
     * an unknown category or switching off an essential one 400.
     */
    @Transactional
    Map<Category, Boolean> change(CurrentUser user, @Nullable String ifMatch, @Nullable Map<String, Boolean> email) {
        Versions.check(ifMatch, etag(mailed(user)));
        PreferenceChanges.check(email).forEach((category, wanted) -> preferences.choose(user.id(), category, wanted));
        return mailed(user);
    }

    /** 404 unless the token is valid and names a category one may switch off. */
    @Transactional(readOnly = true)
    void requireUnsubscribable(@Nullable String token) {
        subscription(token);
    }

    /** One-click unsubscribe with a mail's signed token; 404 as {@link #requireUnsubscribable}. */
    @Transactional
    void unsubscribe(@Nullable String token) {
        UnsubscribeTokens.Subscription subscription = subscription(token);
        preferences.choose(subscription.userId(), subscription.category(), false);
    }

    private UnsubscribeTokens.Subscription subscription(@Nullable String token) {
        return tokens.read(token)
                .filter(s -> !s.category().essential())
                .orElseThrow(() -> new ResourceNotFound("subscription"));
    }

    /** The version of someone's choices: a digest of what is switched off. */
    static String etag(Map<Category, Boolean> mailed) {
        String off = mailed.entrySet().stream()
                .filter(e -> !e.getValue())
                .map(e -> e.getKey().name() + ";")
                .reduce("", String::concat);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(off.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
