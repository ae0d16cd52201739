package io.sluice.azureml.models;

/**
 * The outcome of uploading a source directory as a code asset.
 *
 * @param codeVersion the code version the files are in
 * @param files how many files the snapshot holds
 * @param uploadedFiles how many were sent; 0 when an identical snapshot already existed
 * @param uploadedBytes how many bytes were sent
 */
public record CodeSnapshot(
    CodeVersion codeVersion, int files, int uploadedFiles, long uploadedBytes) {}
