package io.sluice.core.model;

import static io.sluice.core.testing.ModelAssertions.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatastoreTest {
  private static AzureBlobDatastore.Builder blob() {
    return AzureBlobDatastore.builder().name("store").accountName("acct01").containerName("data");
  }

  private static AdlsGen2Datastore.Builder lake() {
    return AdlsGen2Datastore.builder().name("lake").accountName("acct01").fileSystem("fs");
  }

  @Test
  void blobDefaultsToHttpsOnThePublicCloudWithIdentityAccess() {
    AzureBlobDatastore store = blob().build();

    assertThat(store.protocol()).isEqualTo("https");
    assertThat(store.endpointSuffix()).isEqualTo("core.windows.net");
    assertThat(store.credential()).isEqualTo(DatastoreCredential.identity());
    assertThat(store.serviceEndpoint()).isEqualTo("https://acct01.blob.core.windows.net");
    assertThat(
            blob()
                .blobEndpoint("http://127.0.0.1:10000/devstoreaccount1")
                .protocol("http")
                .build()
                .serviceEndpoint())
        .isEqualTo("http://127.0.0.1:10000/devstoreaccount1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Store", "my-store", "my store", ""})
  void datastoreNamesAreLowerCaseLettersDigitsAndUnderscores(String name) {
    String shown = name.isEmpty() ? "empty" : "'" + name + "'";
    assertInvalid(
        () -> blob().name(name).build(),
        "name",
        "AzureBlobDatastore '"
            + name
            + "': name is "
            + shown
            + "; use lower-case letters, digits and underscores (Azure ML's datastore name rule)");
  }

  @Test
  void everyDatastoreKindChecksItsName() {
    String rule = "use lower-case letters, digits and underscores (Azure ML's datastore name rule)";
    assertInvalid(
        () -> lake().name("Lake").build(),
        "name",
        "AdlsGen2Datastore 'Lake': name is 'Lake'; " + rule);
    assertInvalid(() -> DbfsDatastore.of("DBFS"), "name", "DbfsDatastore: name is 'DBFS'; " + rule);
    assertInvalid(
        () -> new UnityCatalogVolumeDatastore("u-c", "c", "s", "v"),
        "name",
        "UnityCatalogVolumeDatastore 'u-c': name is 'u-c'; " + rule);
    assertInvalid(
        () -> LocalDatastore.of("Local", "/tmp"),
        "name",
        "LocalDatastore 'Local': name is 'Local'; " + rule);
    assertThat(DbfsDatastore.of("dbfs_1").name()).isEqualTo("dbfs_1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "Account", "acct_01", "a234567890123456789012345"})
  void blobAccountNamesFollowStorageRules(String account) {
    assertInvalid(
        () -> blob().accountName(account).build(),
        "accountName",
        "AzureBlobDatastore 'store': accountName is '"
            + account
            + "'; use the storage account name: 3 to 24 lower-case letters and digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "Data", "a--b", "-abc", "abc-", "my_data"})
  void blobContainerNamesFollowStorageRules(String container) {
    assertInvalid(
        () -> blob().containerName(container).build(),
        "containerName",
        "AzureBlobDatastore 'store': containerName is '"
            + container
            + "'; use 3 to 63 lower-case letters, digits and single hyphens, starting and ending"
            + " with a letter or digit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "a-b-c", "$root", "raw-data-2024"})
  void validContainerNamesAreAccepted(String container) {
    assertThat(blob().containerName(container).build().containerName()).isEqualTo(container);
  }

  @Test
  void blobProtocolIsHttpsOrHttp() {
    assertInvalid(
        () -> blob().protocol("ftp").build(),
        "protocol",
        "AzureBlobDatastore 'store': protocol is 'ftp'; use https (or http for a local emulator)");
    assertThat(blob().protocol("http").build().protocol()).isEqualTo("http");
  }

  @Test
  void adlsChecksAccountFileSystemAndCredential() {
    assertInvalid(
        () -> lake().accountName("Lake").build(),
        "accountName",
        "AdlsGen2Datastore 'lake': accountName is 'Lake'; use the storage account name: 3 to 24"
            + " lower-case letters and digits");
    assertInvalid(
        () -> lake().fileSystem("").build(),
        "fileSystem",
        "AdlsGen2Datastore 'lake': fileSystem is empty; give a non-empty value");
    assertInvalid(
        () -> lake().credential(DatastoreCredential.sas(Secret.of("sas", "token"))).build(),
        "credential",
        "AdlsGen2Datastore 'lake': credential is 'sas'; use a service principal, an account key or"
            + " identity-based access for ADLS Gen2");
    assertThat(
            lake()
                .credential(
                    new DatastoreCredential.ServicePrincipal("t", "c", Secret.reference("sp")))
                .build())
        .isNotNull();
  }

  @Test
  void unityCatalogAndLocalChecks() {
    assertInvalid(
        () -> new UnityCatalogVolumeDatastore("uc", " ", "s", "v"),
        "catalog",
        "UnityCatalogVolumeDatastore 'uc': catalog is ' '; give a non-empty value");
    assertInvalid(
        () -> new UnityCatalogVolumeDatastore("uc", "c", "", "v"),
        "schema",
        "UnityCatalogVolumeDatastore 'uc': schema is empty; give a non-empty value");
    assertInvalid(
        () -> new UnityCatalogVolumeDatastore("uc", "c", "s", null),
        "volume",
        "UnityCatalogVolumeDatastore 'uc': volume is missing; give a non-empty value");
    assertThat(new UnityCatalogVolumeDatastore("uc", "main", "ml", "raw").root())
        .isEqualTo("/Volumes/main/ml/raw");
    assertInvalid(
        () -> LocalDatastore.of("local", ""),
        "path",
        "LocalDatastore 'local': path is empty; give a non-empty value");
  }

  @Test
  void credentialsNeedTheirSecrets() {
    assertInvalid(
        () -> DatastoreCredential.accountKey(null),
        "key",
        "AccountKey: key is missing; give the account key as a Secret");
    assertInvalid(
        () -> DatastoreCredential.sas(null),
        "token",
        "Sas: token is missing; give the SAS token as a Secret");
    assertInvalid(
        () -> new DatastoreCredential.ServicePrincipal("", "c", Secret.reference("s")),
        "tenantId",
        "ServicePrincipal: tenantId is empty; give a non-empty value");
    assertInvalid(
        () -> new DatastoreCredential.ServicePrincipal("t", null, Secret.reference("s")),
        "clientId",
        "ServicePrincipal: clientId is missing; give a non-empty value");
    assertInvalid(
        () -> new DatastoreCredential.ServicePrincipal("t", "c", null),
        "clientSecret",
        "ServicePrincipal: clientSecret is missing; give the client secret as a Secret");
  }

  @Test
  void secretsShowOnlyTheirReference() {
    Secret secret = Secret.of("storage-key", "s3cr3t-value");

    assertThat(secret.toString()).isEqualTo("Secret{storage-key}").doesNotContain("s3cr3t");
    assertThat(secret.value()).contains("s3cr3t-value");
    assertThat(secret).isEqualTo(Secret.reference("storage-key"));
    assertThat(Secret.reference("storage-key").value()).isEmpty();
    assertThat(Secret.fromEnvironment("MY_KEY").reference()).isEqualTo("env:MY_KEY");
    assertThat(new DatastoreCredential.AccountKey(secret).toString()).doesNotContain("s3cr3t");
  }

  @Test
  void secretChecks() {
    assertInvalid(
        () -> Secret.of("has space", "v"),
        "reference",
        "Secret: reference is 'has space'; use 1 to 128 letters, digits or the characters _ . : / -");
    assertInvalid(
        () -> Secret.of("ref", ""),
        "value",
        "Secret 'ref': value is missing; give the secret's value, or use Secret.fromEnvironment(name)");
    assertInvalid(
        () -> Secret.fromEnvironment(" "),
        "variable",
        "Secret: variable is ' '; give a non-empty value");
  }

  @Test
  void dataPathsStayBelowTheDatastoreRoot() {
    LocalDatastore local = LocalDatastore.of("local", "/tmp/data");

    assertThat(local.path("\\raw\\in.csv").pathOnDatastore()).isEqualTo("raw/in.csv");
    assertThat(local.path("//raw/in.csv").pathOnDatastore()).isEqualTo("raw/in.csv");
    assertThat(local.path("raw/in.csv").toString()).isEqualTo("local:raw/in.csv");
    assertInvalid(
        () -> local.path("raw/../../etc"),
        "pathOnDatastore",
        "DataPath: pathOnDatastore is 'raw/../../etc'; give a path below the datastore's root, without '..'");
    assertInvalid(
        () -> DataPath.of(null, "x"),
        "datastore",
        "DataPath: datastore is missing; give a datastore");
  }

  @Test
  void datasetsNeedPathsAndValidOptions() {
    LocalDatastore local = LocalDatastore.of("local", "/tmp/data");
    assertInvalid(
        () -> TabularDataset.builder().build(),
        "paths",
        "TabularDataset: paths is empty; give at least one data path");
    assertInvalid(
        () -> FileDataset.builder().build(),
        "paths",
        "FileDataset: paths is empty; give at least one data path");
    assertInvalid(
        () -> TabularDataset.builder().addPaths(local.path("a.csv")).separator(";;").build(),
        "separator",
        "TabularDataset: separator is ';;'; use a single character");
    assertInvalid(
        () ->
            TabularDataset.builder()
                .addPaths(local.path("a.csv"))
                .encoding("no-such-charset")
                .build(),
        "encoding",
        "TabularDataset: encoding is 'no-such-charset'; use a charset name such as utf-8 or latin1");
    assertInvalid(
        () ->
            TabularDataset.builder()
                .addPaths(local.path("a.csv"))
                .encoding("not a charset")
                .build(),
        "encoding",
        "TabularDataset: encoding is 'not a charset'; use a charset name such as utf-8 or latin1");
    TabularDataset tabular = TabularDataset.fromDelimitedFiles(local.path("a.csv"));
    assertThat(tabular.separator()).isEqualTo(",");
    assertThat(tabular.header()).isTrue();
    assertThat(tabular.encoding()).isEqualTo("utf-8");
  }
}
