package kz.senim.notification.preference;

import java.util.EnumMap;
import java.util.Map;
import kz.senim.notification.delivery.MailChoices;
import kz.senim.notification.delivery.domain.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PreferenceRepository implements MailChoices {

    private final JdbcClient jdbc;

    PreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Boolean wantsMail(String userId, Category category) {
        return jdbc.sql("select email from notification_preference where user_id = :user and category = :category")
                .param("user", userId)
                .param("category", category.name())
                .query(Boolean.class)
                .optional()
                .orElse(null);
    }

    Map<Category, Boolean> choices(String userId) {
        Map<Category, Boolean> choices = new EnumMap<>(Category.class);
        jdbc.sql("select category, email from notification_preference where user_id = :user")
                .param("user", userId)
                .query((rs, row) -> choices.put(Category.valueOf(rs.getString("category")), rs.getBoolean("email")))
                .list();
        return choices;
    }

    void choose(String userId, Category category, boolean email) {
        jdbc.sql("""
                        insert into notification_preference (user_id, category, email) values (:user, :category, :email)
                        on conflict (user_id, category) do update set email = excluded.email
                        """)
                .param("user", userId)
                .param("category", category.name())
                .param("email", email)
                .update();
    }
}
