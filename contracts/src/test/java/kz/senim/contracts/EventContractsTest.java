package kz.senim.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventContractsTest {

    private static final String SCHOOL_REGISTERED = "kz.senim.membership.school-registered.v1";

    @Test
    void a_payload_that_follows_the_contract_conforms() {
        assertThat(EventContracts.violations(SCHOOL_REGISTERED, bytes("""
                {"eventId":"6f1f4a0e-53a4-4e8f-9a57-0d9a3f1d2b11","schoolId":"demo-gymnasium-1",
                 "occurredAt":"2026-11-26T05:00:00Z","timeZone":"Asia/Almaty","defaultLanguage":"kk"}
                """))).isEmpty();
    }

    @Test
    void missing_fields_wrong_formats_and_extra_fields_are_each_reported() {
        assertThat(EventContracts.violations(SCHOOL_REGISTERED, bytes("""
                {"eventId":"not-a-uuid","schoolId":"Demo School","occurredAt":"yesterday",
                 "defaultLanguage":"de","narrative":"confidential text must never be here"}
                """)))
                .hasSizeGreaterThanOrEqualTo(6)
                .anyMatch(v -> v.contains("timeZone"))
                .anyMatch(v -> v.contains("narrative"));
    }

    @Test
    void a_consumer_validating_with_the_published_schema_accepts_a_field_a_later_additive_change_adds() {
        byte[] later = bytes("""
                {"eventId":"6f1f4a0e-53a4-4e8f-9a57-0d9a3f1d2b11","schoolId":"demo-gymnasium-1",
                 "occurredAt":"2026-11-26T05:00:00Z","timeZone":"Asia/Almaty","defaultLanguage":"kk",
                 "aFieldOfVersionOnePointSeven":42}
                """);

        assertThat(EventContracts.consumerViolations(SCHOOL_REGISTERED, later)).isEmpty();
        assertThat(EventContracts.violations(SCHOOL_REGISTERED, later))
                .singleElement()
                .asString()
                .contains("aFieldOfVersionOnePointSeven");
    }

    @Test
    void a_consumer_still_refuses_what_the_contract_rules_out() {
        assertThat(EventContracts.consumerViolations(SCHOOL_REGISTERED, bytes("""
                {"eventId":"not-a-uuid","schoolId":"demo-gymnasium-1","occurredAt":"2026-11-26T05:00:00Z",
                 "defaultLanguage":"de"}
                """)))
                .hasSizeGreaterThanOrEqualTo(3)
                .anyMatch(v -> v.contains("timeZone"))
                .anyMatch(v -> v.contains("eventId"));
    }

    @Test
    void a_payload_that_is_not_json_breaks_the_contract() {
        assertThatThrownBy(() -> EventContracts.assertConforms(SCHOOL_REGISTERED, bytes("{oops")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void an_unknown_event_type_has_no_contract() {
        assertThatThrownBy(() -> EventContracts.schema("kz.senim.nowhere.v1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
