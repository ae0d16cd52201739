package io.sluice.azureml.models;

import io.sluice.core.model.Secret;
import java.util.Optional;

/**
 * A folder in blob storage that a snapshot is uploaded to, with the credential to write it.
 *
 * @param containerUrl the container, e.g. {@code https://acct.blob.core.windows.net/code}
 * @param prefix the folder below the container, without leading or trailing {@code /}
 * @param sasToken a SAS token for the container, without {@code ?}
 * @param accountKey the account key, when there is no SAS token
 */
public record BlobFolder(
    String containerUrl, String prefix, Optional<Secret> sasToken, Optional<Secret> accountKey) {}
