/**
 * A local Azurite Blob service for tests: {@link io.sluice.testing.azurite.AzuriteServer} installs
 * and starts it, {@link io.sluice.testing.azurite.AzuriteExtension} brings it to JUnit 5 tests.
 */
package io.sluice.testing.azurite;
