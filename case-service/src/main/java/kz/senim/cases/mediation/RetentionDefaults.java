package kz.senim.cases.mediation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a closed case keeps its text before the purge, for a school that set no period of its own
 * ({@code senim.cases.retention.days}).
 *
 * @param days a year unless configured
 */
@ConfigurationProperties("senim.cases.retention")
public record RetentionDefaults(@DefaultValue("365") int days) {}
