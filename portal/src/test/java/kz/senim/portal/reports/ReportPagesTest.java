package kz.senim.portal.reports;

import static kz.senim.portal.PortalPages.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.senim.portal.api.ApiAnswer;
import kz.senim.portal.api.GatewayApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The report page, the downloads and the district table against a stand-in API. */
@SpringBootTest
@AutoConfigureMockMvc
class ReportPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @MockitoBean
    GatewayApi api;

    @Test
    void a_coordinator_sees_their_schools_report_with_charts_tables_and_months() throws Exception {
        when(api.get(eq("/api/reports/schools/{id}/years/{year}"), eq("school-a"), eq("2026-2027")))
                .thenReturn(new ApiAnswer(200, report(), null, null));

        String page = mvc.perform(
                        get("/reports?year=2026-2027&lang=en").with(as("coordinator", "school-a", "coordinator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"chart-cases\"", "role=\"img\"", "viewBox=\"0 0 320 ")
                .contains("id=\"table-cases\"", "Requests", ">12<", ">7<")
                .contains("id=\"trend-requests\"", "id=\"table-months\"", "2026-10")
                .contains("/reports/report.pdf?school=school-a&amp;year=2026-2027&amp;lang=kk")
                .contains("/reports/report.csv?school=school-a&amp;year=2026-2027")
                .contains("Trainings", "75%")
                .contains("id=\"section-reach\"", "Different students who took part", ">41<", ">57<")
                .contains("between students only", ">9<", "with a teacher", ">3<")
                .doesNotContain("id=\"reach-unknown\"");
        // the section order of docs/analytics.md
        assertThat(page.indexOf("section-plan")).isLessThan(page.indexOf("section-youngMediators"));
        assertThat(page.indexOf("section-partnership")).isLessThan(page.indexOf("section-cases"));
        assertThat(page.indexOf("section-cases")).isLessThan(page.indexOf("section-consultations"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void where_the_people_reached_are_not_known_the_page_says_why() throws Exception {
        Map<String, Object> report = report();
        Map<String, Object> indicators = new LinkedHashMap<>((Map<String, Object>) report.get("indicators"));
        Map<String, Object> reach = new LinkedHashMap<>();
        reach.put("students", null);
        reach.put("people", null);
        indicators.put("reach", reach);
        report.put("indicators", indicators);
        when(api.get(eq("/api/reports/schools/{id}/years/{year}"), eq("school-a"), eq("2026-2027")))
                .thenReturn(new ApiAnswer(200, report, null, null));

        String page = mvc.perform(
                        get("/reports?year=2026-2027&lang=kk").with(as("coordinator", "school-a", "coordinator")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"reach-unknown\"", "Бұл мектеп үшін белгісіз", "Қатысқан оқушылар")
                .contains("тек оқушылар арасында");
    }

    @Test
    void the_district_admin_picks_a_school_and_sees_the_district_table() throws Exception {
        Map<String, Object> district = new LinkedHashMap<>();
        district.put("schools", List.of("school-a", "school-b"));
        district.put("suppressionThreshold", 5);
        district.put(
                "indicators",
                List.of(
                        Map.of(
                                "key",
                                "cases.requested",
                                "schools",
                                Map.of("school-a", "<5", "school-b", 9),
                                "district",
                                12),
                        Map.of(
                                "key",
                                "cases.byChannel.IN_PERSON",
                                "schools",
                                Map.of("school-a", "suppressed", "school-b", "<5"),
                                "district",
                                "<5")));
        when(api.get(eq("/api/reports/district/years/{year}"), eq("2026-2027")))
                .thenReturn(new ApiAnswer(200, district, null, null));

        String picker = mvc.perform(get("/reports?year=2026-2027&lang=en").with(as("district", null, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(picker).contains("id=\"pick-form\"", "<option value=\"school-b\">");

        String table = mvc.perform(
                        get("/reports/district?year=2026-2027&lang=ru").with(as("district", null, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(table)
                .contains("id=\"district-table\"", "&lt;5", ">9<", ">12<", "скрыто", "Обращения")
                .contains("/reports?school=school-b&amp;year=2026-2027");
    }

    @Test
    void the_downloads_come_through_the_gateway_as_the_viewer() throws Exception {
        when(api.file(any(String.class), eq("school-a"), eq("2026-2027"), eq("ru")))
                .thenReturn(new GatewayApi.ApiFile("%PDF-1.7".getBytes(), MediaType.APPLICATION_PDF));

        mvc.perform(get("/reports/report.pdf?year=2026-2027&lang=ru&school=elsewhere")
                        .with(as("coordinator", "school-a", "coordinator")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString("senim-report-school-a-2026-2027-ru.pdf")));
        // a school's staff always read their own school, whatever the link says
        verify(api)
                .file(
                        eq("/api/reports/schools/{id}/years/{year}/report.pdf?lang={lang}"),
                        eq("school-a"),
                        eq("2026-2027"),
                        eq("ru"));
    }

    @Test
    void students_are_not_offered_the_report() throws Exception {
        mvc.perform(get("/reports").with(as("student", "school-a", "student"))).andExpect(status().isForbidden());
        mvc.perform(get("/reports/district").with(as("coordinator", "school-a", "coordinator")))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_current_school_year_starts_in_september() {
        assertThat(ReportPages.current(LocalDate.of(2026, 8, 31))).isEqualTo("2025-2026");
        assertThat(ReportPages.current(LocalDate.of(2026, 9, 1))).isEqualTo("2026-2027");
    }

    private RequestPostProcessor as(String user, String school, String... roles) {
        return signedIn(registrations.findByRegistrationId("keycloak"), user, school, roles);
    }

    private static Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("schoolId", "school-a");
        report.put("schoolYear", "2026-2027");
        report.put("timeZone", "Asia/Almaty");
        report.put("from", "2026-09-01T00:00+05:00");
        report.put("to", "2027-09-01T00:00+05:00");
        report.put("forPublication", false);
        report.put(
                "indicators",
                Map.of(
                        "plan", Map.of("items", Map.of("DONE", 3, "total", 4), "completionPercentage", 75),
                        "activities", Map.of("TRAINING", Map.of("held", 2, "participants", 30)),
                        "reach", Map.of("students", 41, "people", 57),
                        "cases",
                                Map.of(
                                        "requested",
                                        12,
                                        "accepted",
                                        7,
                                        "medianDaysToAgreement",
                                        3.5,
                                        "byParties",
                                        Map.of("STUDENTS_ONLY", 9, "WITH_TEACHER", 3))));
        List<String> months = List.of(
                "2026-09", "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04", "2027-05",
                "2027-06", "2027-07", "2027-08");
        report.put("months", months);
        Map<String, Object> requests = new LinkedHashMap<>();
        months.forEach(m -> requests.put(m, m.equals("2026-10") ? 12 : 0));
        report.put("byMonth", Map.of("requests", requests));
        return report;
    }
}
