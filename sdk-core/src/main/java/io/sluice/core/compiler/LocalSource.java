package io.sluice.core.compiler;

/**
 * A file a step runs from its source directory (or the base directory).
 *
 * @param file the file's path relative to that directory
 * @param field the step's field that names it, for problems
 */
record LocalSource(String file, String field) {}
