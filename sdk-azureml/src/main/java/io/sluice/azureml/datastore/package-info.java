/**
 * Azure Blob Storage and ADLS Gen2 datastore I/O for the local runner: {@link
 * io.sluice.azureml.datastore.BlobDatastoreIo}, the code snapshot uploader {@link
 * io.sluice.azureml.datastore.BlobSnapshotUploader} that shares its storage plumbing, and the
 * exceptions both throw.
 */
package io.sluice.azureml.datastore;
