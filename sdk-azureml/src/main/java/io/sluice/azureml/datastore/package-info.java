/**
 * Azure Blob Storage and ADLS Gen2 datastore I/O for the local runner: {@link
 * io.sluice.azureml.datastore.BlobDatastoreIo} and the exceptions it throws.
 */
package io.sluice.azureml.datastore;
