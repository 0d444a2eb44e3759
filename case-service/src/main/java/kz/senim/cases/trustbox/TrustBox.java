package kz.senim.cases.trustbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import kz.senim.cases.audit.AuditTrail;
import kz.senim.cases.audit.domain.AuditEntry.Action;
import kz.senim.cases.directory.SchoolPeople;
import kz.senim.cases.mediation.Mediations;
import kz.senim.cases.mediation.domain.Urgency;
import kz.senim.cases.trustbox.TrustBoxRepository.ThreadSummary;
import kz.senim.cases.trustbox.domain.Receipt;
import kz.senim.cases.trustbox.domain.TrustBoxThread;
import kz.senim.platform.problem.ResourceNotFound;
import kz.senim.platform.problem.TooManyRequests;
import kz.senim.platform.security.CurrentUser;
import kz.senim.platform.security.Role;
import kz.senim.platform.web.Page;
import kz.senim.platform.web.PageQuery;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The anonymous trust box: a sender drops a message and gets a receipt once; with the receipt they
 * read the answers and write back; the school's coordinators answer. Failed receipt look-ups are
 * counted per school and minute, and beyond the limit every look-up of that school waits: guessing
 * is throttled without knowing anything about who guesses.
 */
@Service
@EnableConfigurationProperties(TrustBoxSettings.class)
public class TrustBox {

    static final String SUBJECT = "TRUST_BOX_THREAD";

    private final TrustBoxRepository threads;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Mediations mediations;
    private final SchoolPeople schools;
    private final Clock clock;
    private final int failedLookupsPerMinute;
    private final SecureRandom random = new SecureRandom();

    TrustBox(
            TrustBoxRepository threads,
            AuditTrail audit,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Mediations mediations,
            SchoolPeople schools,
            Clock clock,
            TrustBoxSettings settings) {
        this.threads = threads;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.mediations = mediations;
        this.schools = schools;
        this.clock = clock;
        this.failedLookupsPerMinute = settings.failedLookupsPerMinute();
    }

    /** A new conversation; the receipt is returned here and never again. */
    @Transactional
    public Receipt drop(String schoolId, String text) {
        if (!schools.knowsSchool(schoolId)) {
            throw new ResourceNotFound("School");
        }
        Receipt receipt = Receipt.random(random);
        TrustBoxThread thread = TrustBoxThread.open(schoolId, receipt, text, clock.instant());
        threads.insert(thread);
        events.publishEvent(thread.opened());
        audit.append(schoolId, null, Action.CHANGE, SUBJECT, thread.id().toString());
        return receipt;
    }

    /** The sender reads the conversation with their receipt. */
    public TrustBoxThread read(String schoolId, String typedReceipt) {
        TrustBoxThread thread = lookUp(schoolId, typedReceipt);
        transactions.executeWithoutResult(status -> audit.append(
                schoolId, null, Action.READ_CONFIDENTIAL, SUBJECT, thread.id().toString()));
        return thread;
    }

    /** The sender writes back with their receipt. */
    public TrustBoxThread writeBack(String schoolId, String typedReceipt, String text) {
        TrustBoxThread thread = lookUp(schoolId, typedReceipt);
        return transactions.execute(status -> {
            thread.senderWrites(text, clock.instant()).forEach(events::publishEvent);
            threads.append(thread, thread.latest());
            audit.append(schoolId, null, Action.CHANGE, SUBJECT, thread.id().toString());
            return thread;
        });
    }

    /** The sender, with their receipt, agrees to the proposed anonymous case or declines it. */
    public TrustBoxThread answerCaseProposal(String schoolId, String typedReceipt, boolean agreed) {
        TrustBoxThread thread = lookUp(schoolId, typedReceipt);
        return transactions.execute(status -> {
            thread.senderAnswersCaseProposal(agreed, clock.instant()).forEach(events::publishEvent);
            threads.saveCaseProposal(thread);
            audit.append(schoolId, null, Action.CHANGE, SUBJECT, thread.id().toString());
            return thread;
        });
    }

    private TrustBoxThread lookUp(String schoolId, String typedReceipt) {
        Instant now = clock.instant();
        if (threads.failedLookups(schoolId, now) >= failedLookupsPerMinute) {
            // Failures are counted per school and minute: the next minute starts afresh.
            Instant nextWindow = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
            throw new TooManyRequests(Duration.between(now, nextWindow), "receipt-guesses");
        }
        return Receipt.typed(typedReceipt)
                .flatMap(receipt -> threads.byReceipt(schoolId, receipt.hash()))
                .orElseThrow(() -> {
                    threads.failedLookup(schoolId, now);
                    return new ResourceNotFound("Conversation");
                });
    }

    /** A page of the school's conversations, most recently active first: ids and times only. */
    @Transactional(readOnly = true)
    public Page<ThreadSummary> threads(CurrentUser coordinator, PageQuery page) {
        String school = schoolOf(coordinator);
        return Page.of(threads.threads(school, page), page, threads.countThreads(school));
    }

    @Transactional
    public TrustBoxThread thread(CurrentUser coordinator, UUID id) {
        String school = schoolOf(coordinator);
        TrustBoxThread thread = threads.find(school, id).orElseThrow(() -> new ResourceNotFound("Conversation"));
        audit.append(school, coordinator.id(), Action.READ_CONFIDENTIAL, SUBJECT, id.toString());
        return thread;
    }

    @Transactional
    public TrustBoxThread answer(CurrentUser coordinator, UUID id, String text) {
        String school = schoolOf(coordinator);
        TrustBoxThread thread = threads.find(school, id).orElseThrow(() -> new ResourceNotFound("Conversation"));
        thread.coordinatorAnswers(coordinator.id(), text, clock.instant()).forEach(events::publishEvent);
        threads.append(thread, thread.latest());
        audit.append(school, coordinator.id(), Action.CHANGE, SUBJECT, id.toString());
        return thread;
    }

    /** A coordinator flags a concern for the sender's safety; every coordinator of the school sees it. */
    @Transactional
    public TrustBoxThread flagSafetyConcern(CurrentUser coordinator, UUID id) {
        String school = schoolOf(coordinator);
        TrustBoxThread thread = threads.find(school, id).orElseThrow(() -> new ResourceNotFound("Conversation"));
        thread.flagSafetyConcern(coordinator.id(), clock.instant()).forEach(events::publishEvent);
        threads.flagged(thread, thread.latestSafetyConcern());
        audit.append(school, coordinator.id(), Action.CHANGE, SUBJECT, id.toString());
        return thread;
    }

    /** A coordinator proposes to open an anonymous case; the sender sees it with their receipt. */
    @Transactional
    public TrustBoxThread proposeCase(CurrentUser coordinator, UUID id) {
        String school = schoolOf(coordinator);
        TrustBoxThread thread = threads.find(school, id).orElseThrow(() -> new ResourceNotFound("Conversation"));
        thread.proposeCase(coordinator.id(), clock.instant()).forEach(events::publishEvent);
        threads.saveCaseProposal(thread);
        audit.append(school, coordinator.id(), Action.CHANGE, SUBJECT, id.toString());
        return thread;
    }

    /**
     * After the sender agreed, a coordinator opens the anonymous case: a mediation request from the
     * trust box with no submitter, described by what the sender wrote (sealed like every case text).
     */
    @Transactional
    public TrustBoxThread openCase(CurrentUser coordinator, UUID id, Urgency urgency) {
        String school = schoolOf(coordinator);
        TrustBoxThread thread = threads.find(school, id).orElseThrow(() -> new ResourceNotFound("Conversation"));
        thread.requireAgreementToOpenACase();
        UUID caseId = mediations.openFromTrustBox(school, coordinator.id(), urgency, thread.senderText());
        thread.caseOpened(caseId, clock.instant()).forEach(events::publishEvent);
        threads.saveCaseProposal(thread);
        audit.append(school, coordinator.id(), Action.READ_CONFIDENTIAL, SUBJECT, id.toString());
        audit.append(school, coordinator.id(), Action.CHANGE, SUBJECT, id.toString());
        return thread;
    }

    private static String schoolOf(CurrentUser caller) {
        if (!caller.has(Role.COORDINATOR)) {
            throw new AccessDeniedException("Coordinators answer the trust box");
        }
        return caller.schoolId().orElseThrow(() -> new ResourceNotFound("Conversation"));
    }
}
