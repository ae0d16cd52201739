package io.sluice.core.spi;

import java.nio.file.Path;

/**
 * Where a step input or output is, in the two forms a step may need.
 *
 * @param localPath the folder or file on this machine
 * @param uri the location as the step's code sees it on its platform: a {@code wasbs://}, {@code
 *     abfss://} or {@code dbfs:/} URI, or the local path for local datastores
 */
public record StepLocation(Path localPath, String uri) {}
