package io.sluice.core.compiler;

import io.sluice.core.definition.ClusterDefinition;
import io.sluice.core.definition.ComputeDefinition;
import io.sluice.core.definition.DatastoreCredentialDefinition;
import io.sluice.core.definition.DatastoreDefinition;
import io.sluice.core.definition.EnvironmentDefinition;
import io.sluice.core.definition.LibraryDefinition;
import io.sluice.core.definition.SecretReference;
import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.AmlCompute;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.ComputeTarget;
import io.sluice.core.model.DatabricksCluster;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.DbfsDatastore;
import io.sluice.core.model.Environment;
import io.sluice.core.model.Library;
import io.sluice.core.model.LocalDatastore;
import io.sluice.core.model.Secret;
import io.sluice.core.model.UnityCatalogVolumeDatastore;

/**
 * Turns the builder model's datastores, computes, environments, clusters and libraries into their
 * definition records: the one place the model meets the wire format. The compiler uses it, and so
 * can code that holds model objects and calls an API that takes definition records. Secrets become
 * references; their values stay with the model.
 */
public final class ModelTranslation {
  private ModelTranslation() {}

  /**
   * A datastore's definition.
   *
   * @param datastore the model datastore
   * @return its definition, with secrets as references
   */
  public static DatastoreDefinition datastore(Datastore datastore) {
    if (datastore instanceof AzureBlobDatastore blob) {
      return DatastoreDefinition.AzureBlob.builder()
          .name(blob.name())
          .accountName(blob.accountName())
          .containerName(blob.containerName())
          .endpointSuffix(blob.endpointSuffix())
          .protocol(blob.protocol())
          .blobEndpoint(blob.blobEndpoint().orElse(null))
          .credential(credential(blob.credential()))
          .build();
    }
    if (datastore instanceof AdlsGen2Datastore adls) {
      return DatastoreDefinition.AdlsGen2.builder()
          .name(adls.name())
          .accountName(adls.accountName())
          .fileSystem(adls.fileSystem())
          .endpointSuffix(adls.endpointSuffix())
          .dfsEndpoint(adls.dfsEndpoint().orElse(null))
          .credential(credential(adls.credential()))
          .build();
    }
    if (datastore instanceof DbfsDatastore dbfs) {
      return new DatastoreDefinition.Dbfs(dbfs.name());
    }
    if (datastore instanceof UnityCatalogVolumeDatastore volume) {
      return new DatastoreDefinition.UnityCatalogVolume(
          volume.name(), volume.catalog(), volume.schema(), volume.volume());
    }
    LocalDatastore local = (LocalDatastore) datastore;
    return new DatastoreDefinition.Local(local.name(), local.path());
  }

  /**
   * A datastore credential's definition.
   *
   * @param credential the model credential
   * @return its definition, with the secret as a reference
   */
  public static DatastoreCredentialDefinition credential(DatastoreCredential credential) {
    if (credential instanceof DatastoreCredential.AccountKey key) {
      return new DatastoreCredentialDefinition.AccountKey(secret(key.key()));
    }
    if (credential instanceof DatastoreCredential.Sas sas) {
      return new DatastoreCredentialDefinition.Sas(secret(sas.token()));
    }
    if (credential instanceof DatastoreCredential.ServicePrincipal principal) {
      return new DatastoreCredentialDefinition.ServicePrincipal(
          principal.tenantId(), principal.clientId(), secret(principal.clientSecret()));
    }
    return new DatastoreCredentialDefinition.Identity();
  }

  /**
   * A secret's reference; the value is left behind.
   *
   * @param secret the secret
   * @return its reference
   */
  public static SecretReference secret(Secret secret) {
    return new SecretReference(secret.reference());
  }

  /**
   * A compute target's definition.
   *
   * @param compute the model compute target
   * @return its definition, with the access token as a reference
   */
  public static ComputeDefinition compute(ComputeTarget compute) {
    if (compute instanceof ComputeTarget.Local local) {
      return new ComputeDefinition.Local(local.name());
    }
    if (compute instanceof ComputeTarget.Named named) {
      return new ComputeDefinition.Named(named.name());
    }
    if (compute instanceof DatabricksCompute databricks) {
      return new ComputeDefinition.Databricks(
          databricks.name(),
          databricks.workspaceUrl().orElse(null),
          databricks.resourceId().orElse(null),
          databricks.accessToken().map(ModelTranslation::secret).orElse(null),
          databricks.defaultCluster().map(ModelTranslation::cluster).orElse(null));
    }
    AmlCompute aml = (AmlCompute) compute;
    return ComputeDefinition.AmlCompute.builder()
        .name(aml.name())
        .vmSize(aml.vmSize().orElse(null))
        .minNodes(aml.minNodes())
        .maxNodes(aml.maxNodes())
        .idleSecondsBeforeScaledown(aml.idleSecondsBeforeScaledown().orElse(null))
        .build();
  }

  /**
   * An environment's definition.
   *
   * @param environment the model environment
   * @return its definition
   */
  public static EnvironmentDefinition environment(Environment environment) {
    return EnvironmentDefinition.builder()
        .name(environment.name())
        .pythonVersion(environment.pythonVersion().orElse(null))
        .pipPackages(environment.pipPackages())
        .requirementsFile(environment.requirementsFile().orElse(null))
        .condaFile(environment.condaFile().orElse(null))
        .dockerImage(environment.dockerImage().orElse(null))
        .pipIndexUrl(environment.pipIndexUrl().orElse(null))
        .environmentVariables(environment.environmentVariables())
        .build();
  }

  /**
   * A Databricks cluster's definition.
   *
   * @param cluster the model cluster
   * @return its definition
   */
  public static ClusterDefinition cluster(DatabricksCluster cluster) {
    return ClusterDefinition.builder()
        .existingClusterId(cluster.existingClusterId().orElse(null))
        .sparkVersion(cluster.sparkVersion().orElse(null))
        .nodeType(cluster.nodeType().orElse(null))
        .driverNodeType(cluster.driverNodeType().orElse(null))
        .instancePoolId(cluster.instancePoolId().orElse(null))
        .numWorkers(cluster.numWorkers().orElse(null))
        .minWorkers(cluster.minWorkers().orElse(null))
        .maxWorkers(cluster.maxWorkers().orElse(null))
        .sparkConf(cluster.sparkConf())
        .sparkEnvVariables(cluster.sparkEnvVariables())
        .initScripts(cluster.initScripts())
        .clusterLogPath(cluster.clusterLogPath().orElse(null))
        .permitClusterRestart(cluster.permitClusterRestart())
        .build();
  }

  /**
   * A library's definition.
   *
   * @param library the model library
   * @return its definition
   */
  public static LibraryDefinition library(Library library) {
    if (library instanceof Library.Maven maven) {
      return new LibraryDefinition.Maven(
          maven.coordinates(), maven.repo().orElse(null), maven.exclusions());
    }
    if (library instanceof Library.PyPi pypi) {
      return new LibraryDefinition.PyPi(pypi.packageSpec(), pypi.repo().orElse(null));
    }
    if (library instanceof Library.Egg egg) {
      return new LibraryDefinition.Egg(egg.library());
    }
    if (library instanceof Library.Jar jar) {
      return new LibraryDefinition.Jar(jar.library());
    }
    if (library instanceof Library.Whl whl) {
      return new LibraryDefinition.Whl(whl.library());
    }
    Library.Cran cran = (Library.Cran) library;
    return new LibraryDefinition.Cran(cran.packageName(), cran.repo().orElse(null));
  }
}
