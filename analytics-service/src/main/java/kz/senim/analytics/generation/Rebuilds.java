package kz.senim.analytics.generation;

import java.util.List;
import kz.senim.platform.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** The district admin rebuilds the store from the earliest offsets and follows its generations. */
@Service
public class Rebuilds {

    private final Generations generations;

    Rebuilds(Generations generations) {
        this.generations = generations;
    }

    /** Starts a rebuild, or returns the generation of the one already under way. */
    public int start(CurrentUser caller) {
        districtAdminOnly(caller);
        return generations.requestRebuild();
    }

    /** Every generation, oldest first. */
    public List<Generation> generations(CurrentUser caller) {
        districtAdminOnly(caller);
        return generations.all();
    }

    private static void districtAdminOnly(CurrentUser caller) {
        if (!caller.isDistrictAdmin()) {
            throw new AccessDeniedException("Rebuilds are for the district admin");
        }
    }
}
