package io.sluice.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.model.IncompleteModelException;
import io.sluice.core.model.InvalidModelException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Pins a model check: the exception type, the field it names and its exact message. */
public final class ModelAssertions {
  private ModelAssertions() {}

  /**
   * Asserts that building something fails with an {@link InvalidModelException}.
   *
   * @param build the code that builds the object
   * @param field the field the exception names
   * @param message the exact message
   */
  public static void assertInvalid(ThrowingCallable build, String field, String message) {
    assertThatThrownBy(build)
        .isInstanceOfSatisfying(
            InvalidModelException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.field()).isEqualTo(field);
            });
  }

  /**
   * Asserts that building something fails with an {@link IncompleteModelException}.
   *
   * @param build the code that builds the object
   * @param message the exact message
   */
  public static void assertIncomplete(ThrowingCallable build, String message) {
    assertThatThrownBy(build).isInstanceOf(IncompleteModelException.class).hasMessage(message);
  }
}
