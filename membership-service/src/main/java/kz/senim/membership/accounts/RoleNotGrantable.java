package kz.senim.membership.accounts;

import kz.senim.platform.problem.CallerRefused;
import kz.senim.platform.problem.StateConflict;

/** The caller may manage the school's accounts, but not give this role (403 {@code role-not-grantable}). */
class RoleNotGrantable extends StateConflict implements CallerRefused {

    RoleNotGrantable() {
        super("role-not-grantable", "You may not give this role");
    }
}
