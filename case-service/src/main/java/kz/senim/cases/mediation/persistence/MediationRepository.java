package kz.senim.cases.mediation.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.senim.cases.confidential.ConfidentialTexts;
import kz.senim.cases.mediation.CaseFilter;
import kz.senim.cases.mediation.StoredMediation;
import kz.senim.cases.mediation.domain.Agreement;
import kz.senim.cases.mediation.domain.Channel;
import kz.senim.cases.mediation.domain.Closure;
import kz.senim.cases.mediation.domain.Commitment;
import kz.senim.cases.mediation.domain.Consent;
import kz.senim.cases.mediation.domain.Consents;
import kz.senim.cases.mediation.domain.FollowUp;
import kz.senim.cases.mediation.domain.FollowUpResult;
import kz.senim.cases.mediation.domain.MediatedBy;
import kz.senim.cases.mediation.domain.Mediation;
import kz.senim.cases.mediation.domain.MediationSettings;
import kz.senim.cases.mediation.domain.MediationStatus;
import kz.senim.cases.mediation.domain.Mediator;
import kz.senim.cases.mediation.domain.Outcome;
import kz.senim.cases.mediation.domain.Party;
import kz.senim.cases.mediation.domain.Request;
import kz.senim.cases.mediation.domain.Retention;
import kz.senim.cases.mediation.domain.Session;
import kz.senim.cases.mediation.domain.Sessions;
import kz.senim.cases.mediation.domain.Team;
import kz.senim.cases.mediation.domain.Triage;
import kz.senim.cases.mediation.domain.TriageDecision;
import kz.senim.cases.mediation.domain.Urgency;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores mediation cases with {@link JdbcClient}. Confidential text is sealed on the way in and
 * opened on the way out, here and nowhere else, so no other layer handles ciphertext.
 */
@Repository
public class MediationRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ConfidentialTexts confidential;

    MediationRepository(JdbcClient jdbc, JsonMapper json, ConfidentialTexts confidential) {
        this.jdbc = jdbc;
        this.json = json;
        this.confidential = confidential;
    }

    public void insert(Mediation mediation) {
        Mediation.State s = mediation.state();
        jdbc.sql("""
                        insert into mediation_case
                            (id, school_id, kind, channel, urgency, preferred_language, status, submitted_by, submitted_at, description,
                             triage_decision, triage_reason, mediated_by, escalated, party_user_ids, mediator_ids,
                             parties, mediators, objected_mediators, conflicted_mediators, consents, sessions,
                             agreement, settings, follow_up_date, follow_up_result, outcome, closed_at, legal_hold,
                             purged_at, version)
                        values (:id, :school, 'MEDIATION', :channel, :urgency, :language, :status, :submittedBy, :submittedAt,
                                :description, :triageDecision, :triageReason, :mediatedBy, :escalated, :partyUserIds,
                                :mediatorIds, cast(:parties as jsonb), cast(:mediators as jsonb), :objected,
                                :conflicted, cast(:consents as jsonb), cast(:sessions as jsonb),
                                cast(:agreement as jsonb), cast(:settings as jsonb), :followUpDate, :followUpResult,
                                :outcome, :closedAt, :legalHold, :purgedAt, 0)
                        """).params(params(s)).update();
    }

    /** Saves the case if nobody changed it since {@code version}; false otherwise. */
    public boolean update(Mediation mediation, long version) {
        Mediation.State s = mediation.state();
        Map<String, Object> params = params(s);
        params.put("version", version);
        return jdbc.sql("""
                                update mediation_case set
                                    status = :status, triage_decision = :triageDecision,
                                    triage_reason = :triageReason, mediated_by = :mediatedBy,
                                    escalated = :escalated, mediator_ids = :mediatorIds, party_user_ids = :partyUserIds,
                                    mediators = cast(:mediators as jsonb), objected_mediators = :objected,
                                    conflicted_mediators = :conflicted, consents = cast(:consents as jsonb),
                                    sessions = cast(:sessions as jsonb), agreement = cast(:agreement as jsonb),
                                    follow_up_date = :followUpDate, follow_up_result = :followUpResult,
                                    outcome = :outcome, closed_at = :closedAt, legal_hold = :legalHold,
                                    purged_at = :purgedAt, description = :description, parties = cast(:parties as jsonb),
                                    settings = cast(:settings as jsonb), version = version + 1
                                where id = :id and school_id = :school and version = :version
                                """).params(params).update() == 1;
    }

    /** Closed cases past the retention period, not purged and not on hold, in every school. */
    /** Closed cases past their school's retention period ({@code defaultDays} where the school set none). */
    public List<UUID> dueForPurge(Instant now, int defaultDays) {
        return jdbc.sql("""
                        select c.id from mediation_case c
                        left join school_settings s on s.school_id = c.school_id
                        where c.purged_at is null and not c.legal_hold
                          and c.closed_at <= cast(:now as timestamptz)
                                             - make_interval(days => coalesce(s.retention_days, :defaultDays))
                        """)
                .param("now", Timestamp.from(now))
                .param("defaultDays", defaultDays)
                .query(UUID.class)
                .list();
    }

    public Optional<StoredMediation> find(String schoolId, UUID id) {
        return jdbc.sql("select * from mediation_case where school_id = :school and id = :id")
                .param("school", schoolId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Loads the case and locks it until the end of the transaction, so commands never race. */
    public Optional<StoredMediation> findForUpdate(String schoolId, UUID id) {
        return jdbc.sql("select * from mediation_case where school_id = :school and id = :id for update")
                .param("school", schoolId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** The sort keys of the list of cases, with their columns. */
    public static final Map<String, String> SORTS = Map.of("submittedAt", "submitted_at");

    /** One page of a school's cases, for coordinators; {@code page.orderBy()} comes from {@link #SORTS} only. */
    public Page<StoredMediation> school(String schoolId, CaseFilter filter, PageQuery page) {
        return page("school_id = :school" + sql(filter), filtered(filter, Map.of("school", schoolId)), page);
    }

    /**
     * One page of the cases someone submitted, is a party of, or mediates, and of those where they are the
     * guardian whose consent the school asks for a party ({@code wards}): the cases they would see on opening
     * them, no more. The arrays are tested by containment ({@code @>}, {@code &&}), which their GIN indexes
     * answer; {@code :user = any (…)} would read every case of the school.
     */
    public Page<StoredMediation> involving(
            String schoolId, String userId, Wards wards, CaseFilter filter, PageQuery page) {
        Map<String, Object> params = new LinkedHashMap<>(Map.of("school", schoolId, "user", userId));
        String guardian = "";
        if (wards.asked()) {
            // Party.needsGuardianConsent, for the school's settings in force: a pupil with an account
            // (not an adult) whose grade is unknown or below the grade from which the school stops asking.
            guardian = " or (party_user_ids && cast(:wards as text[]) and exists (select 1 from"
                    + " jsonb_array_elements(parties) p where p ->> 'userId' = any (cast(:wards as text[]))"
                    + " and not coalesce((p ->> 'adult')::boolean, false)"
                    + " and (p ->> 'grade' is null or (p ->> 'grade')::int < :belowGrade)))";
            params.put("wards", wards.userIds().toArray(String[]::new));
            params.put("belowGrade", wards.belowGrade());
        }
        return page(
                "school_id = :school and (submitted_by = :user or party_user_ids @> array[cast(:user as text)]"
                        + " or mediator_ids @> array[cast(:user as text)]" + guardian + ")" + sql(filter),
                filtered(filter, params),
                page);
    }

    /**
     * The pupils whose guardian the caller is (the people directory's {@code guardianOf}), and the grade below
     * which the school asks a guardian's consent ({@code null}: it does not ask).
     */
    public record Wards(List<String> userIds, Integer belowGrade) {
        public static final Wards NONE = new Wards(List.of(), null);

        public Wards {
            userIds = List.copyOf(userIds);
        }

        boolean asked() {
            return belowGrade != null && !userIds.isEmpty();
        }
    }

    private Page<StoredMediation> page(String where, Map<String, Object> params, PageQuery page) {
        long total = jdbc.sql("select count(*) from mediation_case where " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<StoredMediation> content = jdbc.sql("select * from mediation_case where " + where + " order by "
                        + page.orderBy() + ", id limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(this::map)
                .list();
        return Page.of(content, page, total);
    }

    private static String sql(CaseFilter filter) {
        return (filter.status() == null ? "" : " and status = :status")
                + (filter.mediatorId() == null ? "" : " and mediator_ids @> array[cast(:mediator as text)]");
    }

    private static Map<String, Object> filtered(CaseFilter filter, Map<String, Object> base) {
        Map<String, Object> all = new LinkedHashMap<>(base);
        if (filter.status() != null) {
            all.put("status", filter.status().name());
        }
        if (filter.mediatorId() != null) {
            all.put("mediator", filter.mediatorId());
        }
        return all;
    }

    // ---- mapping ---------------------------------------------------------------------------

    private Map<String, Object> params(Mediation.State s) {
        Request request = s.request();
        Team team = s.team();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", request.id());
        p.put("school", request.schoolId());
        p.put("channel", request.channel().name());
        p.put("urgency", request.urgency().name());
        p.put("language", request.preferredLanguage());
        p.put("status", s.status().name());
        p.put("submittedBy", request.submittedBy());
        p.put("submittedAt", Timestamp.from(request.submittedAt()));
        p.put("description", confidential.seal(request.description()));
        p.put("triageDecision", name(s.triage().decision()));
        p.put("triageReason", confidential.seal(s.triage().reason()));
        p.put("mediatedBy", name(team.mediatedBy()));
        p.put("escalated", s.triage().escalated());
        p.put(
                "partyUserIds",
                request.parties().stream()
                        .map(Party::userId)
                        .filter(u -> u != null)
                        .toArray(String[]::new));
        p.put("mediatorIds", team.mediators().stream().map(Mediator::userId).toArray(String[]::new));
        p.put(
                "parties",
                json.writeValueAsString(request.parties().stream()
                        .map(party -> new Party(
                                party.id(),
                                party.userId(),
                                party.adult(),
                                party.grade(),
                                confidential.seal(party.name())))
                        .toList()));
        p.put("mediators", json.writeValueAsString(team.mediators()));
        p.put("objected", team.objected().toArray(String[]::new));
        p.put("conflicted", team.conflicted().toArray(String[]::new));
        p.put(
                "consents",
                json.writeValueAsString(s.consents().answers().stream()
                        .map(c -> new Consent(
                                c.partyId(),
                                c.guardian(),
                                c.given(),
                                c.recordedBy(),
                                c.onBehalf(),
                                confidential.seal(c.note()),
                                c.at()))
                        .toList()));
        p.put(
                "sessions",
                json.writeValueAsString(s.sessions().all().stream()
                        .map(x -> new Session(
                                x.id(),
                                x.kind(),
                                x.startsAt(),
                                x.place(),
                                x.participants(),
                                x.cancelled(),
                                confidential.seal(x.notes())))
                        .toList()));
        p.put(
                "agreement",
                s.agreement() == null
                        ? null
                        : json.writeValueAsString(new Agreement(
                                s.agreement().commitments().stream()
                                        .map(c -> new Commitment(c.partyId(), confidential.seal(c.text())))
                                        .toList(),
                                s.agreement().signatures())));
        p.put("settings", json.writeValueAsString(new StoredSettings(s.settings())));
        p.put("followUpDate", s.followUp().date());
        p.put("followUpResult", name(s.followUp().result()));
        p.put("outcome", name(s.closure().outcome()));
        Instant closedAt = s.closure().closedAt();
        p.put("closedAt", closedAt == null ? null : Timestamp.from(closedAt));
        p.put("legalHold", s.retention().legalHold());
        Instant purgedAt = s.retention().purgedAt();
        p.put("purgedAt", purgedAt == null ? null : Timestamp.from(purgedAt));
        return p;
    }

    private StoredMediation map(ResultSet rs, int row) throws SQLException {
        List<Party> parties = json.readValue(rs.getString("parties"), new TypeReference<List<Party>>() {}).stream()
                .map(p -> new Party(p.id(), p.userId(), p.adult(), p.grade(), confidential.open(p.name())))
                .toList();
        List<Consent> consents =
                json.readValue(rs.getString("consents"), new TypeReference<List<Consent>>() {}).stream()
                        .map(c -> new Consent(
                                c.partyId(),
                                c.guardian(),
                                c.given(),
                                c.recordedBy(),
                                c.onBehalf(),
                                confidential.open(c.note()),
                                c.at()))
                        .toList();
        List<Session> sessions =
                json.readValue(rs.getString("sessions"), new TypeReference<List<Session>>() {}).stream()
                        .map(x -> new Session(
                                x.id(),
                                x.kind(),
                                x.startsAt(),
                                x.place(),
                                x.participants(),
                                x.cancelled(),
                                confidential.open(x.notes())))
                        .toList();
        String agreementJson = rs.getString("agreement");
        Agreement agreement = null;
        if (agreementJson != null) {
            Agreement sealed = json.readValue(agreementJson, Agreement.class);
            agreement = new Agreement(
                    sealed.commitments().stream()
                            .map(c -> new Commitment(c.partyId(), confidential.open(c.text())))
                            .toList(),
                    sealed.signatures());
        }
        Timestamp closedAt = rs.getTimestamp("closed_at");
        Timestamp purgedAt = rs.getTimestamp("purged_at");
        Request request = new Request(
                rs.getObject("id", UUID.class),
                rs.getString("school_id"),
                Channel.valueOf(rs.getString("channel")),
                Urgency.valueOf(rs.getString("urgency")),
                rs.getString("preferred_language"),
                rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(),
                parties,
                confidential.open(rs.getString("description")));
        Team team = new Team(
                value(MediatedBy.class, rs.getString("mediated_by")),
                json.readValue(rs.getString("mediators"), new TypeReference<List<Mediator>>() {}),
                Set.copyOf(strings(rs.getArray("objected_mediators"))),
                Set.copyOf(strings(rs.getArray("conflicted_mediators"))));
        Mediation mediation = Mediation.restore(new Mediation.State(
                request,
                MediationStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("settings"), StoredSettings.class).settings(),
                new Triage(
                        value(TriageDecision.class, rs.getString("triage_decision")),
                        confidential.open(rs.getString("triage_reason")),
                        rs.getBoolean("escalated")),
                team,
                new Consents(consents),
                new Sessions(sessions),
                agreement,
                new FollowUp(
                        rs.getObject("follow_up_date", LocalDate.class),
                        value(FollowUpResult.class, rs.getString("follow_up_result"))),
                new Closure(
                        value(Outcome.class, rs.getString("outcome")), closedAt == null ? null : closedAt.toInstant()),
                new Retention(rs.getBoolean("legal_hold"), purgedAt == null ? null : purgedAt.toInstant())));
        return new StoredMediation(mediation, rs.getLong("version"));
    }

    /** The settings as stored: a zone id as text keeps the JSON independent of Jackson's time modules. */
    record StoredSettings(int mediatorsPerCase, Integer guardianConsentBelowGrade, int followUpDays, String timeZone) {
        StoredSettings(MediationSettings settings) {
            this(
                    settings.mediatorsPerCase(),
                    settings.guardianConsentBelowGrade(),
                    settings.followUpDays(),
                    settings.timeZone().getId());
        }

        MediationSettings settings() {
            return new MediationSettings(
                    mediatorsPerCase, guardianConsentBelowGrade, followUpDays, ZoneId.of(timeZone));
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
