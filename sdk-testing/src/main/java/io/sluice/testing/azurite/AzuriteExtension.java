package io.sluice.testing.azurite;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the JVM's {@linkplain AzuriteServer#shared() shared Azurite server} before a test class
 * and passes it to constructors, lifecycle and test methods that declare an {@link AzuriteServer}
 * parameter.
 *
 * <pre>{@code
 * @ExtendWith(AzuriteExtension.class)
 * class MyBlobIT {
 *   @Test
 *   void roundTrip(AzuriteServer azurite) { ... }
 * }
 * }</pre>
 *
 * <p>Nothing is skipped: without Node.js and npm the tests fail with a message that says what to
 * install.
 */
public final class AzuriteExtension implements BeforeAllCallback, ParameterResolver {

  /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
  public AzuriteExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    AzuriteServer.shared();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == AzuriteServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return AzuriteServer.shared();
  }
}
