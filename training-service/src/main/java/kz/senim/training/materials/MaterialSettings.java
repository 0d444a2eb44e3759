package kz.senim.training.materials;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The materials' limits ({@code senim.materials.*}).
 *
 * @param maxFileBytes the largest file a material may have, 10 MiB unless configured
 */
@ConfigurationProperties("senim.materials")
record MaterialSettings(@DefaultValue("10485760") int maxFileBytes) {}
