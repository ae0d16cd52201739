package io.sluice.core;

import io.sluice.core.model.AdlsGen2Datastore;
import io.sluice.core.model.AzureBlobDatastore;
import io.sluice.core.model.DataPath;
import io.sluice.core.model.DatabricksCompute;
import io.sluice.core.model.Dataset;
import io.sluice.core.model.Datastore;
import io.sluice.core.model.DatastoreCredential;
import io.sluice.core.model.InputBinding;
import io.sluice.core.model.Pipeline;
import io.sluice.core.model.PipelineData;
import io.sluice.core.model.Secret;
import io.sluice.core.model.Step;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Collects the secrets a pipeline's model objects hold, which its definition only names. */
final class PipelineSecrets {
  private PipelineSecrets() {}

  static Set<Secret> of(Pipeline pipeline) {
    Set<Secret> secrets = new LinkedHashSet<>();
    pipeline.defaultDatastore().ifPresent(d -> add(d, secrets));
    for (Step step : pipeline.steps()) {
      step.outputs().forEach(o -> o.datastore().ifPresent(d -> add(d, secrets)));
      step.inputs().stream().flatMap(PipelineSecrets::datastores).forEach(d -> add(d, secrets));
      step.computeTarget()
          .filter(DatabricksCompute.class::isInstance)
          .flatMap(c -> ((DatabricksCompute) c).accessToken())
          .ifPresent(secrets::add);
    }
    return secrets;
  }

  private static Stream<Datastore> datastores(InputBinding input) {
    if (input.source() instanceof PipelineData data) {
      return data.datastore().stream();
    }
    if (input.source() instanceof DataPath path) {
      return Stream.of(path.datastore());
    }
    return ((Dataset) input.source()).paths().stream().map(DataPath::datastore);
  }

  private static void add(Datastore datastore, Set<Secret> secrets) {
    Optional<DatastoreCredential> credential =
        datastore instanceof AzureBlobDatastore blob
            ? Optional.of(blob.credential())
            : datastore instanceof AdlsGen2Datastore adls
                ? Optional.of(adls.credential())
                : Optional.empty();
    credential.ifPresent(
        c -> {
          if (c instanceof DatastoreCredential.AccountKey k) {
            secrets.add(k.key());
          } else if (c instanceof DatastoreCredential.Sas s) {
            secrets.add(s.token());
          } else if (c instanceof DatastoreCredential.ServicePrincipal p) {
            secrets.add(p.clientSecret());
          }
        });
  }
}
