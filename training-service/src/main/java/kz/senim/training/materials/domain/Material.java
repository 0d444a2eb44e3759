package kz.senim.training.materials.domain;

import java.time.Instant;
import java.util.UUID;
import kz.senim.platform.problem.StateConflict;
import kz.senim.training.activities.domain.Audience;

/** A booklet, memo or poster of the club, with a link or an uploaded file; readers see it once published. */
public record Material(
        UUID id,
        String schoolId,
        Kind kind,
        String title,
        String language,
        Audience audience,
        String audienceNote,
        String link,
        boolean hasFile,
        Status status,
        Instant publishedAt,
        long version) {

    public enum Kind {
        BOOKLET,
        MEMO,
        POSTER
    }

    public enum Status {
        DRAFT,
        PUBLISHED
    }

    /** Published to its audience; it needs something to read, a link or a file. */
    public Material publish(Instant now) {
        if (status == Status.PUBLISHED) {
            throw new StateConflict("material-already-published", "The material is already published");
        }
        if (link == null && !hasFile) {
            throw new StateConflict("material-has-no-content", "A material needs a link or a file to be published");
        }
        return new Material(
                id,
                schoolId,
                kind,
                title,
                language,
                audience,
                audienceNote,
                link,
                hasFile,
                Status.PUBLISHED,
                now,
                version + 1);
    }

    /** The file of a published material stays what readers have seen. */
    public Material attachFile() {
        if (status == Status.PUBLISHED) {
            throw new StateConflict("material-already-published", "The material is already published");
        }
        return new Material(
                id,
                schoolId,
                kind,
                title,
                language,
                audience,
                audienceNote,
                link,
                true,
                status,
                publishedAt,
                version + 1);
    }
}
