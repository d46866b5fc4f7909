//! Where file bytes live: local disk under `DATA_DIR/files` by default, or S3-compatible object
//! storage (`STORAGE_URL=s3://bucket/prefix`, with the usual `AWS_*` settings; `AWS_ENDPOINT`
//! for a non-Amazon service), both through the `object_store` crate, so several servers can
//! share one bucket. Keys are the SHA-256 of the bytes: identical files are stored once.

use bytes::Bytes;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The blob store.
#[derive(Clone)]
pub struct Blobs {
    inner: Arc<dyn ObjectStore>,
}

impl std::fmt::Debug for Blobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Blobs({})", self.inner)
    }
}

/// A failure of the blob store.
pub type BlobError = object_store::Error;

impl Blobs {
    /// Opens the store `storage_url` names, or local disk under `data_dir/files`.
    pub fn open(storage_url: Option<&str>, data_dir: &std::path::Path) -> Result<Blobs, String> {
        let inner: Arc<dyn ObjectStore> = match storage_url {
            Some(url) if url.starts_with("s3://") => Arc::new(
                object_store::aws::AmazonS3Builder::from_env()
                    .with_url(url)
                    .build()
                    .map_err(|e| format!("STORAGE_URL: {e}"))?,
            ),
            Some(url) => return Err(format!("STORAGE_URL must be an s3:// address, not {url}")),
            None => {
                let dir = data_dir.join("files");
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                Arc::new(
                    object_store::local::LocalFileSystem::new_with_prefix(&dir)
                        .map_err(|e| format!("{}: {e}", dir.display()))?,
                )
            }
        };
        Ok(Blobs { inner })
    }

    /// The key of `bytes`: their SHA-256, in hex.
    pub fn key_of(bytes: &[u8]) -> String {
        Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
    }

    fn path(key: &str) -> Path {
        // Two levels of folders keep any one folder small on disk.
        Path::from(format!("{}/{}/{key}", &key[..2], &key[2..4]))
    }

    /// Stores `bytes` under `key` (storing the same bytes again changes nothing).
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> Result<(), BlobError> {
        self.inner.put(&Blobs::path(key), PutPayload::from(bytes)).await.map(|_| ())
    }

    /// The bytes under `key`.
    pub async fn get(&self, key: &str) -> Result<Bytes, BlobError> {
        self.inner.get(&Blobs::path(key)).await?.bytes().await
    }

    /// Removes `key`; a key already gone is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), BlobError> {
        match self.inner.delete(&Blobs::path(key)).await {
            Err(object_store::Error::NotFound { .. }) | Ok(()) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Whether a file can be written and removed (checked by `server check-config` and
    /// `/readyz`).
    pub async fn writable(&self) -> bool {
        let probe = Path::from("check-config-probe");
        self.inner.put(&probe, PutPayload::from_static(b"ok")).await.is_ok() && self.inner.delete(&probe).await.is_ok()
    }
}
