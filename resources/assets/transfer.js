/* One file's upload, without any of the page: window.pierTransfer.send(item, hooks) starts it
   and answers a handle (pause, resume, cancel); what happens is told to the hooks, which
   uploads.js turns into its panel's rows.

   Uploads go by tus (the resumable-upload protocol, /.well-known/pier/tus/) through the
   vendored tus-js-client (tus.min.js, loaded before this file): a dropped connection or a
   restarted server is retried with back-off and goes on from the last byte the server has;
   a paused upload goes on where it stopped; after a reload, picking the same file again
   resumes it (tus-js-client keeps each upload's URL in localStorage under a fingerprint of
   the target folder, the file's path, size and date). Only where the server offers no tus
   endpoint (404 or 405 to the creation) does the page send a multipart POST instead, for that
   file and every one after it. */
"use strict";

(function () {
  const listing = window.pierListing;
  const { t } = window.pierText;
  if (!listing) {
    return;
  }
  // Pier may be served under a prefix (--base-path /files, behind a reverse proxy): this
  // script's own URL carries it like every URL of the page, "/files/.well-known/pier/assets/..".
  const OWN_PATH = "/.well-known/pier/";
  const BASE = (() => {
    const script = document.currentScript;
    const path = script && script.src ? new URL(script.src).pathname : "";
    const at = path.indexOf(OWN_PATH);
    return at > 0 ? path.slice(0, at) : "";
  })();
  const TUS_ENDPOINT = BASE + OWN_PATH + "tus/";
  const CHUNK_SIZE = 8 * 1024 * 1024;
  // milliseconds before each new try after a network error; back to the start once bytes move
  const RETRY_DELAYS = [0, 1000, 2000, 4000, 8000, 15000, 30000, 30000, 60000, 60000, 60000,
    60000, 60000, 60000, 60000, 60000, 60000, 60000];
  // tus's "folder" metadata is text: a folder whose name is not UTF-8 takes the form's way
  const way = { tus: typeof window.tus === "object" && window.tus.isSupported &&
    currentFolder() !== null };

  /** The folder this page lists, decoded, as the address bar has it; null for a name that is
      not UTF-8 (kept as bytes on the server's disk). */
  function currentFolder() {
    try {
      return decodeURIComponent(location.pathname);
    } catch (_) {
      return null;
    }
  }

  /** The folder this page lists as the share path tus's "folder" metadata wants: without
      the base path, which only the address has. */
  function shareFolder() {
    const folder = currentFolder();
    return BASE && folder.startsWith(BASE + "/") ? folder.slice(BASE.length) : folder;
  }

  /** The path a Pier-File-URL names, relative to this folder ("a (1).txt", "trip/day1/a.txt"),
      or "" when it is not under it. */
  function relativeToFolder(fileUrl) {
    let path;
    try {
      path = decodeURIComponent(new URL(fileUrl, location.href).pathname);
    } catch (_) {
      return "";
    }
    const folder = currentFolder();
    return folder !== null && path.startsWith(folder) ? path.slice(folder.length) : "";
  }

  /** The answer's status and body of a tus-js-client error (0 and "" when none came). */
  function tusAnswer(error) {
    const response = error && error.originalResponse;
    return response ? [response.getStatus(), response.getBody() || ""] : [0, ""];
  }

  /** Retry what a network error, a restart or a busy upload stopped; not the server's "no"
   * (a WebDAV lock's 423 comes without Retry-After, an upload busy with another request's
   * with it). */
  function worthRetrying(error) {
    const status = tusAnswer(error)[0];
    if (status === 423) {
      return Boolean(error.originalResponse.getHeader("Retry-After"));
    }
    return status === 0 || status >= 500 || status === 409;
  }

  // ---------------------------------------------------------------- by tus

  /** `job`: {item, hooks, tus, xhr, fileUrl, paused, stopped}, shared with the handle. */
  function tusOptions(job) {
    const item = job.item;
    const folder = currentFolder();
    return {
      endpoint: TUS_ENDPOINT,
      chunkSize: CHUNK_SIZE,
      retryDelays: RETRY_DELAYS,
      metadata: { filename: item.path, folder: shareFolder() },
      headers: { Accept: "application/json" },
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      // the same file picked again for the same place resumes; not the same name elsewhere
      fingerprint: (file) => Promise.resolve(["pier", location.host, folder, item.path,
        file.size, file.lastModified].join("\n")),
      onProgress: (sent) => job.hooks.progress(sent),
      onAfterResponse: (request, response) => afterResponse(job, request, response),
      onShouldRetry: (error, attempt, options) => {
        if (!worthRetrying(error)) {
          return false;
        }
        job.hooks.retrying(Math.round(options.retryDelays[attempt] / 1000));
        return true;
      },
      onSuccess: () => {
        const relative = job.fileUrl ? relativeToFolder(job.fileUrl) : "";
        job.hooks.succeeded([relative || item.path]);
      },
      onError: (error) => failTus(job, error),
    };
  }

  function afterResponse(job, request, response) {
    const fileUrl = response.getHeader("Pier-File-URL");
    if (fileUrl) {
      job.fileUrl = fileUrl;
    }
    if (request.getMethod() !== "HEAD" || response.getStatus() !== 200) {
      return;
    }
    // the server has this many bytes of an upload started before (a reload, a retry)
    const offset = Number(response.getHeader("Upload-Offset"));
    if (Number.isFinite(offset) && offset > 0 && offset < job.item.file.size) {
      job.hooks.resumedAt(offset);
    }
  }

  function startTus(job) {
    const upload = new window.tus.Upload(job.item.file, tusOptions(job));
    job.tus = upload;
    upload.findPreviousUploads().then((previous) => {
      if (previous.length) {
        upload.resumeFromPreviousUpload(previous[0]);
      }
    }, () => {}).then(() => {
      if (!job.stopped && !job.paused) {
        upload.start();
      }
    });
  }

  function failTus(job, error) {
    const [status, body] = tusAnswer(error);
    const creating = error.originalRequest && error.originalRequest.getMethod() === "POST";
    if (creating && (status === 404 || status === 405)) {
      way.tus = false; // no tus here (turned off): send this and the rest as before
      job.tus = null;
      job.hooks.pausable(false);
      startMultipart(job);
      return;
    }
    job.hooks.failed(status ? listing.errorMessage(status, body) :
      t("The connection broke and did not come back: pick the file again to go on."));
  }

  // ---------------------------------------------------------------- by multipart POST

  function multipartLoaded(job, xhr) {
    if (xhr.status !== 201) {
      job.hooks.failed(listing.errorMessage(xhr.status, xhr.responseText));
      return;
    }
    let names = [];
    try {
      names = JSON.parse(xhr.responseText).files.map((file) => file.name);
    } catch (_) {
      names = [job.item.path];
    }
    job.hooks.succeeded(names);
  }

  function startMultipart(job) {
    const xhr = new XMLHttpRequest();
    job.xhr = xhr;
    xhr.open("POST", location.pathname);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", (event) => job.hooks.progress(event.loaded));
    xhr.addEventListener("load", () => multipartLoaded(job, xhr));
    xhr.addEventListener("error", () => job.hooks.failed(
      t("The connection broke: the file may be larger than this share accepts, or the server stopped.")));
    xhr.addEventListener("abort", () => job.hooks.cancelled());
    const body = new FormData();
    body.append("file", job.item.file, job.item.path);
    xhr.send(body);
  }

  // ---------------------------------------------------------------- the handle

  function handleOf(job) {
    return Object.freeze({
      /** Only a tus upload pauses: the server keeps what it has. */
      pause() {
        if (job.tus && !job.paused) {
          job.paused = true;
          job.tus.abort(false);
        }
      },
      /** Asks the server where it stopped (HEAD), then goes on from there. */
      resume() {
        if (job.tus && job.paused) {
          job.paused = false;
          job.tus.start();
        }
      },
      cancel() {
        job.stopped = true;
        if (job.tus) {
          // the server forgets the upload and its bytes (DELETE), and so does localStorage
          job.tus.abort(true).catch(() => {});
        } else if (job.xhr) {
          job.xhr.abort();
        }
      },
    });
  }

  /** Start sending `item` ({file, path}); `hooks`: progress(bytes), resumedAt(bytes),
      retrying(seconds), pausable(bool), succeeded(names relative to this folder),
      failed(message), cancelled(). */
  function send(item, hooks) {
    const job = { item: item, hooks: hooks, tus: null, xhr: null, fileUrl: "", paused: false,
      stopped: false };
    if (way.tus) {
      hooks.pausable(true);
      startTus(job);
    } else {
      startMultipart(job);
    }
    return handleOf(job);
  }

  window.pierTransfer = Object.freeze({ send });
})();
