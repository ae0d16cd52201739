package io.sluice.databricks.transport;

import io.sluice.core.definition.ClusterDefinition;
import io.sluice.core.definition.LibraryDefinition;
import io.sluice.databricks.models.AutoScale;
import io.sluice.databricks.models.ClusterLibrary;
import io.sluice.databricks.models.ClusterLogConf;
import io.sluice.databricks.models.ClusterSpec;
import io.sluice.databricks.models.CranLibrary;
import io.sluice.databricks.models.InitScript;
import io.sluice.databricks.models.MavenLibrary;
import io.sluice.databricks.models.PyPiLibrary;
import java.util.Map;
import java.util.TreeMap;

/** Turns the model's clusters and libraries into their wire shapes. */
final class ClusterSpecs {
  private ClusterSpecs() {}

  /**
   * A new job cluster's spec. The storage configuration fills in keys the user did not set, so a
   * user's own value wins.
   */
  static ClusterSpec newCluster(
      ClusterDefinition cluster, Map<String, String> storageConf, Map<String, String> tags) {
    Map<String, String> conf = new TreeMap<>(storageConf);
    conf.putAll(cluster.sparkConf());
    AutoScale autoscale =
        cluster.minWorkers() != null
            ? new AutoScale(cluster.minWorkers(), cluster.maxWorkers())
            : null;
    return ClusterSpec.builder()
        .sparkVersion(cluster.sparkVersion())
        .nodeTypeId(cluster.nodeType())
        .driverNodeTypeId(cluster.driverNodeType())
        .instancePoolId(cluster.instancePoolId())
        .numWorkers(cluster.numWorkers())
        .autoscale(autoscale)
        .sparkConf(conf)
        .sparkEnvVars(cluster.sparkEnvVariables())
        .initScripts(cluster.initScripts().stream().map(InitScript::of).toList())
        .clusterLogConf(
            cluster.clusterLogPath() == null ? null : ClusterLogConf.of(cluster.clusterLogPath()))
        .customTags(tags)
        .build();
  }

  /** A single-node job cluster for a Python script step. */
  static ClusterSpec singleNode(
      String sparkVersion,
      String nodeType,
      Map<String, String> storageConf,
      Map<String, String> envVars,
      Map<String, String> tags) {
    Map<String, String> conf = new TreeMap<>(storageConf);
    conf.put("spark.databricks.cluster.profile", "singleNode");
    conf.put("spark.master", "local[*, 4]");
    Map<String, String> allTags = new TreeMap<>(tags);
    allTags.put("ResourceClass", "SingleNode");
    return ClusterSpec.builder()
        .sparkVersion(sparkVersion)
        .nodeTypeId(nodeType)
        .numWorkers(0)
        .sparkConf(conf)
        .sparkEnvVars(envVars)
        .customTags(allTags)
        .build();
  }

  static ClusterLibrary library(LibraryDefinition library) {
    if (library instanceof LibraryDefinition.Maven m) {
      return ClusterLibrary.maven(new MavenLibrary(m.coordinates(), m.repo(), m.exclusions()));
    }
    if (library instanceof LibraryDefinition.PyPi p) {
      return ClusterLibrary.pypi(new PyPiLibrary(p.packageSpec(), p.repo()));
    }
    if (library instanceof LibraryDefinition.Egg e) {
      return ClusterLibrary.egg(e.library());
    }
    if (library instanceof LibraryDefinition.Jar j) {
      return ClusterLibrary.jar(j.library());
    }
    if (library instanceof LibraryDefinition.Whl w) {
      return ClusterLibrary.whl(w.library());
    }
    LibraryDefinition.Cran c = (LibraryDefinition.Cran) library;
    return ClusterLibrary.cran(new CranLibrary(c.packageName(), c.repo()));
  }
}
