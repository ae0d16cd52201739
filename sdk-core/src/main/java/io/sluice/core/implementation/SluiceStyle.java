package io.sluice.core.implementation;

import io.sluice.core.model.IncompleteModelException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of Sluice's model. SOURCE retention keeps Immutables off users' class
 * path; generated types stay package-private behind each value's nested {@code Builder}.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    depluralize = true,
    redactedMask = "****",
    throwForInvalidImmutableState = IncompleteModelException.class,
    throwForNullPointer = IncompleteModelException.class,
    defaults = @Value.Immutable(copy = true))
public @interface SluiceStyle {}
