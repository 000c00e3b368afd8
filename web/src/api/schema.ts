// Generated from the OpenAPI document the service serves by `npm run openapi`; do not edit.
// `npm run openapi:check` (in .ci/run) fails when this file and the document drift apart.

export interface paths {
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Every API key, revoked ones too, oldest first, without their tokens.
         */
        get: operations["ApiKeysController_list"];
        put?: never;
        /**
         * Create an API key
         * @description Creates a key for another system of the clinic (website, CMS) with some of the permissions a key may hold. The token is in this answer only, never again: store it safely. Staff sessions only.
         */
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revokes the key at once: its token is refused from then on. It stays listed, revoked, as a record of what it could do. Revoking a revoked key changes nothing.
         */
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description Audit events matching the filters, newest first, a page at a time: pass `nextCursor` as `before` for the next page. Without `patients.read` the identified fields of each event’s `details` are left out. Reading the trail is itself recorded.
         */
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export audit events as CSV
         * @description Every event matching the filters, oldest first, as one CSV download: e.g. the accounting of access to one patient’s data. It covers what was recorded before it began; the export is itself recorded. Columns are those of an event in the list, `details` as JSON; without `patients.read` identified details are left out.
         */
        get: operations["AuditController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify the audit hash chain
         * @description Seals the events committed so far, then checks every link of the hash chain against its event’s current contents and names the first broken link. It reads the whole trail, so it can take a while. The check is itself recorded.
         */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser-session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in as staff in a browser
         * @description Signs in as `POST /auth/login` does, for the web console: the session goes into an HttpOnly, SameSite=Strict cookie (`pcs_session`, Secure in production) that no script can read, instead of into the answer. Requests then need no Authorization header; each one that changes something must carry the answer’s `csrfToken` as `X-CSRF-Token` (it is also in the readable `pcs_csrf` cookie).
         */
        post: operations["AuthController_browserSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in as staff
         * @description Signs a staff member in with email and password, plus the authenticator code once a second factor is set up, and answers an opaque bearer token for a new session. Failed attempts are counted per address and per account: past the limit the answer is 429 until `Retry-After`, and while an account’s password is being guessed only a sign-in with the code, or from an address used lately, gets in.
         */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session whose token is sent (or whose browser cookie is), and clears a browser’s cookies; the token is refused from then on. Other sessions stay.
         */
        post: operations["AuthController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the signed-in staff member
         * @description The signed-in staff member’s account, this session, the permissions of their role, and whether they must set up a second factor before anything else. Allowed before that enrolment.
         */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your own password
         * @description Changes the signed-in staff member’s password, given the current one. The new one must be at least 12 characters and not guessable (400 `validation_failed` otherwise). Every session of the account ends, this one too: sign in again. Wrong current passwords count as failed sign-ins.
         */
        post: operations["AuthController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start setting up a second factor
         * @description Makes a new secret for an authenticator app (TOTP), as text and as an `otpauth://` URI for a QR code. It becomes active once a code from it is proved with `POST /api/v1/auth/totp/verify`; calling this again before then replaces it. Refused when a second factor is already set up: an admin resets a lost one.
         */
        post: operations["AuthController_enrolTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/totp/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prove a second-factor code
         * @description Checks a code from the authenticator app: confirms a pending enrolment, and marks this session as having passed the second factor, which lifts its enrolment restriction. Each code is accepted once; wrong codes count as failed sign-ins.
         */
        post: operations["AuthController_verifyTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a case and its photos
         * @description The case with its photos, oldest first. It names the patient by code only; the notes are shown to roles allowed identified data, and that read is audited.
         */
        get: operations["TreatmentCasesController_getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a photo of a case
         * @description Uploads a photo to the case: the image in `file` (JPEG, PNG, WebP, TIFF or AVIF, judged by its bytes; HEIC is refused) and its fields as JSON in `metadata`. The service keeps the original as the clinical record and makes a 2048 px JPEG and a 400 px WebP without metadata. The same file cannot be uploaded twice for a patient, and a photo named as the pair must be of the same case and form a before/after pair.
         */
        post: operations["PhotosController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clearance/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check up to 500 photo uses at once
         * @description Decides each photo/use pair as the single check does and answers the decisions in the order asked; each check is recorded in the audit trail. Needs the `clearance.check` permission. If any photo does not exist, nothing is decided or recorded: 404 `photos_not_found` lists the missing ids (a batch of one unknown photo answers 404 `not_found`).
         */
        post: operations["ClearanceController_checkBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clearance/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find the photos a file is a copy of, with clearance
         * @description Reverse lookup: the stored photos the uploaded file is a copy of (resized, recompressed, colour-adjusted or cropped by up to 10% per side), best first, each with its clearance for the intended use given in `metadata`. The file is checked like a photo upload and never stored; the lookup and each check are audited. Needs the `clearance.check` permission; a file under 32 px on a side is refused rather than matched with nothing.
         */
        post: operations["ClearanceController_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/form-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the release form templates
         * @description The newest version of each template, newest first, with the languages it is offered in.
         */
        get: operations["FormTemplatesController_list"];
        put?: never;
        /**
         * Publish a new release form template
         * @description Privacy officers. Publishes a template as its version 1: the clinic’s name and its wording, in English, Spanish or both, around the parts the service fills in from each release (the photos, the parties, the channels allowed and denied, the conditions, the expiry). Every statement 45 CFR 164.508(c)(2) requires and the consent to sign electronically must be worded; the wording is plain text (no HTML, script or image). Answers the version.
         */
        post: operations["FormTemplatesController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/form-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a version of a release form template
         * @description One version as it was published (a version never changes), with every version of its template.
         */
        get: operations["FormTemplatesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/form-templates/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a new version of a release form template
         * @description Privacy officers. Publishes the next version of the template `id` belongs to, with the whole wording as for a new template; earlier versions stay readable, and forms signed under them keep showing their own. Answers the new version.
         */
        post: operations["FormTemplatesController_publishVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/holds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Lift a hold
         * @description Lifts the hold: clearance gives back what the releases allow (hosted publications taken down by it stay down). The hold stays on record, lifted, with when, by whom and, if given, why. Answers the hold.
         */
        delete: operations["HoldsController_lift"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List outbox messages
         * @description Every message the service has written, newest first, a page at a time (pass `nextCursor` as `before`): with no SMTP server configured this is where they are read, and letters without an address go by post. A message to a patient shows its address, body and delivery error only to a caller with `patients.read`; the token of a patient’s sign-in link is never shown. Each read is audited.
         */
        get: operations["OutboxController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find patients
         * @description Finds patients by part of the name, a patient code, a medical record number or a birth date (`q`), optionally narrowed by `dateOfBirth`; at least one of the two is needed. Sorted by name. Each patient in the answer is audited as a read of their identified data; the search terms are not recorded.
         */
        get: operations["PatientsController_search"];
        put?: never;
        /**
         * Register a patient
         * @description Registers a patient and gives them a pseudonymous code (P-7KQ2M) used wherever identity is not needed. A patient under 18 on the clinic’s calendar needs a guardian with an email address or a phone number; the date of birth must not be in the future. A medical record number, when given, must be unique. Answers the patient as recorded.
         */
        post: operations["PatientsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a patient with their cases
         * @description The patient’s identified data with a summary of each treatment case (newest first, with its photo count). The read is audited.
         */
        get: operations["PatientsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Correct a patient’s details
         * @description Changes the fields sent and leaves the others (`null` clears an optional one); it takes no version or `If-Match`, and a field resent unchanged changes nothing. A corrected date of birth is a consent change: publications its releases no longer clear (a release now known to be signed by a minor alone) are taken down through a removal case, and 409 `patient_changed` answers when another edit corrected it at the same moment. A changed email address (the patient’s or the guardian’s) or date of birth ends the patient’s open portal links and sessions.
         */
        patch: operations["PatientsController_update"];
        trace?: never;
    };
    "/api/v1/patients/{id}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a treatment case
         * @description Opens a treatment case (procedure, provider, treatment date) for the patient; photos are uploaded to a case and releases may cover chosen cases. Answers the case, with no photos yet.
         */
        post: operations["TreatmentCasesController_createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a patient's holds
         * @description Every hold placed on the patient’s photos, standing and lifted, newest first.
         */
        get: operations["HoldsController_list"];
        put?: never;
        /**
         * Place a hold on a patient's photos
         * @description Front desk and privacy officers. While the hold stands, clearance refuses every use of the held photos (the listed ones, or every photo of the patient, later uploads included) as `photo_on_hold`. Hosted publications of those photos are taken down at once and stay down after the hold is lifted. Answers the hold.
         */
        post: operations["HoldsController_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/release-forms/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Preview the release form for a patient
         * @description Renders the form the patient would read, in English or Spanish, from a version of a form template and the terms the front desk fills in: the clinic’s wording around the photographs and cases, who discloses and who receives them, the purpose, each channel allowed and denied, each condition, and the expiry. Its `sha256` names exactly what was rendered. Judged as if signed now (a minor needs a guardian to sign). Nothing is recorded but the audited read of the patient’s name.
         */
        post: operations["ReleaseFormsController_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/releases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a patient’s releases
         * @description The patient’s releases, newest signed first: the current version of each authorization, or every version with `includeSuperseded=true`. The read is audited.
         */
        get: operations["ReleasesController_list"];
        put?: never;
        /**
         * Record a signed release
         * @description Records a signed photo release (a HIPAA authorization) as version 1 of a new authorization: the signed form in `document`, its fields as JSON in `metadata`. A patient under 18 on the signing day needs a guardian’s signature, a parent cannot sign for an adult, the covered cases must be the patient’s and the witness an active staff member (404 otherwise). The release is recorded even when its 164.508(c) checklist is incomplete (`checklistComplete` says so). Publications it no longer clears are taken down through a removal case.
         */
        post: operations["ReleasesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a patient's revocation
         * @description Records a revocation received by phone, letter, email or in person (front desk, privacy officer), effective at `receivedAt`: of everything, of some channels, or of some photos. In the same transaction it revokes the releases (for `everything`), takes down every live publication it no longer clears (hosted ones at once, the others `removal_pending` with a task) and opens the removal case, due 30 days (REMOVAL_DEADLINE_DAYS) after `receivedAt`; the patient gets a receipt. Send JSON, or multipart/form-data with the written request (PDF, JPEG or PNG) in `document` and the fields as JSON in `metadata`.
         */
        post: operations["RevocationsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/signing-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a release form for the patient to sign
         * @description Renders the form from a template version and the terms the front desk fills in (as the preview does) and keeps it waiting for the signature for four hours. Refused, with nothing kept, when the form could not be signed as it stands (a minor’s needs a guardian; an adult’s cannot have one).
         */
        post: operations["SigningRequestsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/signing-requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a signing request and its form
         * @description The form as it reads now, rendered again from the request’s terms, with the `sha256` a signature must name; `form` is null once the request can no longer be signed. The read is audited.
         */
        get: operations["SigningRequestsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/signing-requests/{requestId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a signing request
         * @description Only while it waits for its signature.
         */
        post: operations["SigningRequestsController_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/signing-requests/{requestId}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign the form at the desk
         * @description The patient (or guardian) signs the form they were shown: `shownSha256` must be the `sha256` of the form as it reads now, the drawing a signature, the typed name the signer’s, the consent to sign electronically given (and a guardian’s attestation). The release is recorded with exactly the request’s terms, the signed staff member as witness; its document is the PDF of the form, the drawn signature and a signature page (signer, witness, the database’s time, device address and browser, the form’s hash), sealed (PAdES) with the clinic’s certificate. The patient’s copy is mailed to the address on file. Signed once: a second signature is refused.
         */
        post: operations["SigningRequestsController_sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List photos (the library)
         * @description De-identified photos, newest upload first, filtered by procedure, body area, kind and, with `clearedFor`, by whether the clearance rule clears the photo for that channel now (each item then carries the verdict); a page at a time: pass `nextCursor` as `before` for the next page. Items name the case and the patient by pseudonymous codes only. The `clearedFor` filter only narrows the list and is not recorded as a check: check the intended use (`GET /api/v1/photos/{id}/clearance`) before using a photo. Needs `photos.read`.
         */
        get: operations["PhotosController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a photo’s details
         * @description The photo’s fields, its pairs, and the size and address of each rendition. The uploader’s file name is shown only to roles allowed identified data, and that read is audited.
         */
        get: operations["PhotosController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{id}/clearance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check whether a photo may be used as intended
         * @description Decides whether marketing may use the photo on the channel and in the way the query describes, at `at` (default now), and records the check in the audit trail. Needs the `clearance.check` permission (staff or API key). Answers the decision with every failed rule, the remedies and the governing release; a denial is still a 200.
         */
        get: operations["ClearanceController_check"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/photos/{id}/renditions/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a photo rendition
         * @description The image bytes: `thumb` (400 px WebP) and `web` (2048 px JPEG, carrying the photo’s rights as they stand now in XMP) hold no other metadata; `original` is the upload as stored, only for roles allowed identified data (403 `forbidden` otherwise), and each read of it is audited. `thumb` and `web` honour `If-None-Match` with a 304.
         */
        get: operations["PhotosController_rendition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a sign-in link to the patient portal
         * @description Public. When the email address is on file for a patient with that date of birth (or for the guardian of a patient who is a minor), a one-time sign-in link is mailed to it. The answer is the same 202 whether or not anything matched, so it tells nobody whether an address is on file. Throttled per email address (5 an hour) and per client address (30 an hour).
         */
        post: operations["PortalController_access"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the portal session
         * @description Ends the patient session whose token is sent; the token no longer works afterwards.
         */
        post: operations["PortalController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the patient’s consent overview
         * @description For the signed-in patient: their current releases in plain words, their photos and where each is published, their removal cases with progress, and the receipts of their withdrawals, the sentences in English or Spanish. The read is audited.
         */
        get: operations["PortalController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/photos/{id}/thumbnail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a thumbnail of one of the patient’s photos
         * @description A 400 px WebP of one of the signed-in patient’s own photos, without metadata; any other photo answers 404. Send the `ETag` back as `If-None-Match` to get 304 while it is unchanged.
         */
        get: operations["PortalController_thumbnail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/releases/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the patient’s copy of a signed release
         * @description The signed release form as it was stored (PDF, or a JPEG or PNG scan), as an attachment that is not to be cached. Only the signed-in patient’s own releases; any other answers 404. The download is audited.
         */
        get: operations["PortalController_releaseDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/revocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw consent
         * @description Withdraws the signed-in patient’s consent, effective now: everything, some channels, or some of their own photos, for all their releases or those named. Publications no longer cleared go into a removal case. Answers the receipt, which is also mailed.
         */
        post: operations["PortalController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/revocations/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the receipt of a withdrawal made in the portal
         * @description The PDF receipt the service made when the signed-in patient withdrew consent in the portal, sealed with the clinic’s certificate. Any other revocation answers 404. The download is audited.
         */
        get: operations["PortalController_revocationReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a sign-in link for a portal session
         * @description Public. Exchanges the token of the mailed link, once and before it expires, for a patient session: a bearer token for the other portal routes, valid until `expiresAt`. A used, expired, unknown or malformed link answers the same 401. Throttled per client address (30 an hour).
         */
        post: operations["PortalController_session"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List publications
         * @description Publications newest first, filtered by photo, channel (with those under it) and status, a page at a time: pass `nextCursor` as `before` for the next page. Needs the `publications.read` permission.
         */
        get: operations["PublicationsController_list"];
        put?: never;
        /**
         * Record a publication of a photo
         * @description Records where a photo is used, only if clearance allows the use now and at `publishedAt`; the decision is made under a lock on the governing release, so no consent change can slip in between. Needs the `publications.write` permission (staff or API key). With `hosted` (for `website` only) the service serves the photo at the answered `mediaUrl`. A refused use is audited and answers 409 with the reasons.
         */
        post: operations["PublicationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/publications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a publication
         * @description One publication, whatever its status. Needs the `publications.read` permission.
         */
        get: operations["PublicationsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change where a publication appears
         * @description Replaces the location fields sent (URL, post id, campaign, print run; null clears one) and leaves the others; what is shown and under which release cannot change. A publication the service does not host must keep at least one location field. Needs the `publications.write` permission; a change is audited.
         */
        patch: operations["PublicationsController_update"];
        trace?: never;
    };
    "/api/v1/releases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a release version
         * @description One version of a release, with its covered cases, witness, signed form’s details and the list of every version of the authorization. The read is audited.
         */
        get: operations["ReleasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/amendments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a signed amendment
         * @description Records a newly signed amendment as the next version of the authorization, superseding this one, which must be the current version (409 `release_superseded` names the current one otherwise). The newly signed form goes in `document`; fields left out of `metadata` carry over, except the witness. Publications the amended terms no longer clear are taken down through a removal case.
         */
        post: operations["ReleasesController_amend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check a release against 45 CFR 164.508(c)
         * @description Each element 45 CFR 164.508(c) requires of an authorization, passed or with what is missing, judged on what was recorded from the signed form and the patient’s date of birth as it stands now. Not legal advice.
         */
        get: operations["ReleasesController_checklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a release’s signed form
         * @description The signed form of this version as it was uploaded, as an attachment that may not be cached. Each download is audited.
         */
        get: operations["ReleasesController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/releases/{id}/fhir": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a release as a FHIR Consent
         * @description The release version as an HL7 FHIR R4 Consent resource, as it stands now: inactive once superseded, revoked, expired or not a valid authorization, with deny provisions for what revocations took away. Sent as `application/fhir+json; fhirVersion=4.0`. The read is audited.
         */
        get: operations["ReleasesController_fhir"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List removal cases
         * @description Removal cases, soonest deadline first, each with its progress: filtered by status, overdue, due before an instant or patient, a page at a time (`limit`, then `before` = the previous page’s `nextCursor`).
         */
        get: operations["RemovalCasesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a removal case with its tasks
         * @description One case with its tasks: where each publication appears, its status, who owns it, and its evidence.
         */
        get: operations["RemovalCasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-cases/{id}/publications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a publication found later to a removal case
         * @description Records a publication of the patient’s photo found after the case opened (an old album, a flyer still handed out) as `removal_pending`, with a task for its channel’s default owner; a completed case reopens with its original deadline. A use consent still clears answers 409 `publication_cleared` (record it with `POST /api/v1/publications`). Answers the case as it now stands.
         */
        post: operations["RemovalCasesController_addDiscovered"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-task-owners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the default owners of removal tasks
         * @description Who gets new removal tasks of each channel by default, by channel code. A task on a channel goes to the owner of the longest prefix that covers it; tasks without an owner are announced to every privacy officer.
         */
        get: operations["RemovalTaskOwnersController_owners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-task-owners/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the default owner of a channel's removal tasks
         * @description Privacy officers only. Makes an active staff member who works removal tasks the owner of the tasks opened from now on for the channel and for those under it that have no owner of their own (`social` covers `social.instagram`). Tasks already open keep their assignee.
         */
        put: operations["RemovalTaskOwnersController_setOwner"];
        post?: never;
        /**
         * Remove a channel's default task owner
         * @description Privacy officers only. New tasks of the channel then go to the owner of a shorter prefix, if any, or to nobody (announced to every privacy officer). 404 when the channel has no owner of its own.
         */
        delete: operations["RemovalTaskOwnersController_removeOwner"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the removal tasks assigned to me
         * @description The signed-in staff member’s removal tasks (`assignee=me`), soonest case deadline first, each with the deadline, whether it is overdue, the publication and its channel; filtered by task status. Needs `removals.read` and a staff session (an API key has no tasks: 403 `forbidden`).
         */
        get: operations["RemovalTasksController_assignedTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-tasks/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve leaving a publication up
         * @description Privacy officers only. Approves a task’s not-removable request: the task ends as `not_removable`, the publication is marked `not_removable`, and the case completes with its last task. Answers the case as it now stands.
         */
        post: operations["RemovalTasksController_approve"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-tasks/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Assign a removal task
         * @description Gives an open task (or one waiting for approval) to another active staff member who works removal tasks (marketing or privacy officer); they are told by mail. Answers the case as it now stands.
         */
        post: operations["RemovalTasksController_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-tasks/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a removal task with evidence
         * @description Completes an open task (or one waiting for approval as not removable) with evidence: JSON with an `attestation` and its `statement`; multipart/form-data with the screenshot (PNG, JPEG or PDF) in `screenshot` and `{ "evidence": { "kind": "screenshot" } }` in `metadata`; or a `url_check`, for which the service fetches the publication’s URL on record and completes the task only if it answers 404/410 or no longer shows the photo (422 `removal_not_confirmed` with its findings otherwise; 422 `url_not_allowed` for an address that is not public). The publication becomes `removed`, and the case completes with its last task. Answers the case as it now stands.
         */
        post: operations["RemovalTasksController_complete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-tasks/{id}/not-removable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask to leave a publication up
         * @description For an open task whose publication cannot come down (e.g. brochures already handed out): records the reason and sets the task to `not_removable_requested`, for a privacy officer to approve. Answers the case as it now stands.
         */
        post: operations["RemovalTasksController_notRemovable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/removal-tasks/{id}/screenshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download the screenshot a task was completed with
         * @description The screenshot uploaded as the task’s evidence (PNG, JPEG or PDF), as an attachment that is not to be cached. 404 when the task was completed with other evidence, or is not completed.
         */
        get: operations["RemovalTasksController_screenshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/removals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report how removal deadlines are kept
         * @description Over the cases opened in a period (by default the 365 days before now): how many are open, overdue and closed, the median and 95th-percentile days to close, and the share closed within the deadline.
         */
        get: operations["RemovalReportsController_report"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/removals/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the removal report’s cases as CSV
         * @description The cases of the report’s period as RFC 4180 CSV (UTF-8, a header row), one row each, oldest first: `caseId`, `patientCode`, `origin`, `startedAt`, `openedAt`, `dueAt`, `status`, `completedAt`, `daysToClose`, `withinDeadline`, `tasks`, `removed`, `notRemovable`. Instants are ISO 8601; `completedAt`, `daysToClose` and `withinDeadline` are empty for an open case.
         */
        get: operations["RemovalReportsController_reportExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/removals/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report removal cases opened and closed per week
         * @description For charts: every week of the period (by default the 365 days before now, at most 261 weeks) on the clinic’s calendar (Monday to Sunday in CLINIC_TIME_ZONE): the cases opened in it, the cases completed in it (whenever they were opened) and the share of those completed by their deadline.
         */
        get: operations["RemovalReportsController_weeklyReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/rights": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the rights report of live publications
         * @description Decides every live publication again, as of now, and answers those no longer cleared, those recorded as found after the fact whose use consent did not clear when published, and the releases expiring within `expiringWithinDays` (default 30) while publications under them are live. Needs the `publications.read` permission.
         */
        get: operations["ReportsController_rightsReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a revocation
         * @description One revocation: its scope, when and how it was received, who asked, the releases it revoked and the removal case it opened. Identifying fields (the requester’s name and authority, the identity check, notes, the file name) are left out for callers without `patients.read`; for the others the read is audited.
         */
        get: operations["RevocationsController_revocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/revocations/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a revocation's written request
         * @description The written request attached to the revocation, as it was received (PDF, JPEG or PNG), as an attachment that is not to be cached; for roles that read releases. Each download is audited. 404 when the revocation has no written request.
         */
        get: operations["RevocationsController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signing-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List signing requests
         * @description The requests in one state (by default those waiting for a signature), newest first, up to 200.
         */
        get: operations["SigningRequestsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signing/open": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a mailed signing link with the patient’s date of birth
         * @description Public. The link’s token and the patient’s date of birth give the form to read, who signs it, and a proof of identity (valid an hour, or until the request expires) that the signature must carry. A used, expired, cancelled or unknown link answers the same 401; a wrong date of birth 403. Throttled: 5 tries a link and 30 an address an hour.
         */
        post: operations["SigningLinksController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/signing/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a mailed form
         * @description Public. As the desk’s signature, with the link’s token and the proof its opening gave. The release is recorded with exactly the request’s terms; the signature page says it was signed on the signer’s own device, identity checked by the mailed link and the date of birth, with no witness. The copy is mailed.
         */
        post: operations["SigningLinksController_sign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List staff accounts
         * @description Every staff account, disabled ones too, oldest first.
         */
        get: operations["UsersController_list"];
        put?: never;
        /**
         * Create a staff account
         * @description Creates an active staff account with a role and an initial password (at least 12 characters, not guessable, not built from the email or name). The email address must not be in use. The user sets up a second factor at first sign-in if their role needs one.
         */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a staff account
         * @description One staff account.
         */
        get: operations["UsersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a staff account
         * @description Changes the fields sent: name, role, active flag, password, or removes the second factor (a lost device). Disabling, a new password or removing the second factor ends every session of the account at once. An admin cannot change their own role or active flag, and no change may leave the service without an active admin.
         */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the process is alive
         * @description Liveness probe: answers 200 as long as the process runs and its event loop answers. It checks no dependency, so a failing database does not get the instance restarted. No credentials.
         */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check that the instance can take work
         * @description Readiness probe: 200 when the database and the object store each answer within 2 seconds and the instance is not shutting down; otherwise 503 with a problem naming which. Never cached. No credentials.
         */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/m/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a hosted website photo while consent clears it
         * @description The public URL of a hosted `website` publication (its `mediaUrl`), for the clinic’s pages to embed: no credentials, and nothing in the URL or the answer identifies the patient. Each request is checked against consent as it is now; once consent no longer clears the use, the publication is taken down and the URL answers 410 for good, even if consent comes back. Requests are rate-limited per client address.
         */
        get: operations["MediaRoute_image"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/storage/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file by its presigned link
         * @description The download link the service hands out for a stored file when it keeps files on local disk (`STORAGE_DRIVER=local`; with S3 the links point at the bucket and this route does not exist). The token is the authorization: it names one file, carries an expiry and is signed, so no credentials are sent. Use the URL as given; an expired, altered or incomplete link answers 403 `link_invalid`.
         */
        get: operations["StorageController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AmendmentMetadataDto: {
            /** @description The cases covered from now on, all the patient's; replaces the previous list. */
            caseIds?: string[];
            conditioningStatement?: boolean;
            copyProvidedToSigner?: boolean;
            /** @description true: every case, now and later (not with caseIds). Left out, carried over; caseIds alone narrows. */
            coversAllCases?: boolean;
            /** @description Left out, carried over; `null` clears it. */
            disclosingParty?: string | null;
            /** @description Left out, carried over; `null` clears it. */
            expirationEvent?: string | null;
            /**
             * Format: date-time
             * @description Left out, carried over; `null` clears it.
             */
            expiresAt?: string | null;
            formTemplate?: string;
            formVersion?: string;
            /** @description Left out, carried over; `null` clears it. */
            informationDescription?: string | null;
            /** @description Left out, carried over; `null` clears it. */
            purpose?: string | null;
            /**
             * @description Why it was amended.
             * @example Patient no longer allows TikTok.
             */
            reason: string;
            /** @description Left out, carried over; `null` clears it. */
            recipients?: string | null;
            redisclosureStatement?: boolean;
            rightToRevokeStatement?: boolean;
            /** @description The whole new scope, when it changes. */
            scope?: components["schemas"]["ScopeDto"];
            /**
             * Format: date-time
             * @description When the amendment was signed, with its time zone: not in the future, nor before the version it amends.
             * @example 2026-04-10T11:00:00Z
             */
            signedAt: string;
            /** @description Who signed the amendment; the previous signer when left out. */
            signedBy?: components["schemas"]["SignedByDto"];
            treatmentConditionedOnSigning?: boolean;
            /**
             * Format: uuid
             * @description The active staff member who witnessed the signature; defaults to you (not carried over).
             */
            witnessUserId?: string;
        };
        ApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The staff member who created it.
             */
            createdBy: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Recorded at most once a minute; null if never used.
             */
            lastUsedAt: string | null;
            /** @description The client address of that use. */
            lastUsedIp: string | null;
            name: string;
            /** @description Sorted. */
            permissions: components["schemas"]["Permission"][];
            /**
             * Format: date-time
             * @description null while the key works.
             */
            revokedAt: string | null;
            /** @description The first characters of the token (`pcs_k_…`), to tell keys apart. */
            tokenPrefix: string;
        };
        /**
         * @description What the key may do: only these permissions can be granted to a key.
         * @enum {string}
         */
        ApiKeyPermission: "photos.read" | "clearance.check" | "publications.read" | "publications.write" | "removals.read";
        AssignedRemovalTaskDto: {
            /** Format: date-time */
            approvedAt: string | null;
            /** Format: uuid */
            approvedByUserId: string | null;
            /**
             * Format: uuid
             * @description Who works it; null: no owner yet.
             */
            assigneeUserId: string | null;
            campaign: string | null;
            /** Format: uuid */
            caseId: string;
            /** @description Where it is published. */
            channel: components["schemas"]["Channel"];
            /** Format: date-time */
            completedAt: string | null;
            /** Format: uuid */
            completedByUserId: string | null;
            /**
             * Format: date-time
             * @description The case's deadline for every takedown.
             */
            dueAt: string;
            /** @description What proves the takedown, by `evidenceKind`; null while the task is open. `service_hosted`: `{ publicUrlAnswers: 410, mediaToken }`, recorded by the service for a hosted photo. `attestation`: `{ statement, observedAt? }`. `screenshot`: `{ screenshotId, contentType, bytes, sha256, observedAt?, statement? }` (the file downloads from `screenshotUrl`). `url_check`: what the check saw: `{ outcome, passed, finding, url, imageUrl, checkedAt, response: { url, connectedTo, redirectedFrom, status, contentType, bytes, sha256 } | null, imagesCompared, imagesNotChecked: [{ url, why }], matchedImageUrl }`. `statement` is left out for callers without `patients.read`. */
            evidence: {
                [key: string]: unknown;
            } | null;
            /** @enum {string|null} */
            evidenceKind: "service_hosted" | "url_check" | "screenshot" | "attestation" | null;
            /** @description Served by the service, which took it down itself when the case opened. */
            hosted: boolean;
            /** Format: uuid */
            id: string;
            /** @description Why it cannot come down, once asked; left out for callers without `patients.read`. Left out for callers without `patients.read`. */
            notRemovableReason?: string | null;
            /** @description Open (or waiting for approval) and past the deadline. */
            overdue: boolean;
            /** @description The patient's pseudonymous code. */
            patientCode: string;
            /**
             * Format: uuid
             * @description The photo it shows.
             */
            photoId: string;
            /** @description The network's id of the post. */
            postId: string | null;
            printRun: string | null;
            /**
             * Format: uuid
             * @description The publication to take down.
             */
            publicationId: string;
            /** @enum {string} */
            publicationStatus: "live" | "removal_pending" | "removed" | "not_removable";
            /**
             * Format: uri-reference
             * @description Where the screenshot the task was completed with downloads from; null for other evidence.
             * @example /api/v1/removal-tasks/0b6f1c2e-4d5a-4e8b-9c7d-1a2b3c4d5e6f/screenshot
             */
            screenshotUrl: string | null;
            /**
             * @description `open`: to be taken down; `not_removable_requested`: waiting for a privacy officer to approve leaving it up; `done` and `not_removable` are final.
             * @enum {string}
             */
            status: "open" | "done" | "not_removable_requested" | "not_removable";
            /**
             * Format: uri
             * @description Where the publication appears.
             */
            url: string | null;
        };
        AssignTaskDto: {
            /**
             * Format: uuid
             * @description An active staff member who works removal tasks (marketing or privacy officer).
             * @example 7a1e4c52-93d0-4b8f-a6e2-5c9d0f1b3e47
             */
            userId: string;
        };
        AuditEventDto: {
            /** @description The audited action, e.g. `auth.login`, `user.update`. */
            action: string;
            /**
             * Format: uuid
             * @description The user’s, API key’s or patient’s id; null for the system and anonymous callers.
             */
            actorId: string | null;
            /** @description Who that was at the time: staff email, key name or patient code. */
            actorLabel: string | null;
            /** @enum {string} */
            actorType: "user" | "api_key" | "patient" | "system" | "anonymous";
            /** @description The client address the request came from. */
            clientIp: string | null;
            /** @description Identifiers, codes and reasons of the action; without `patients.read`, fields that could identify a patient are left out. */
            details: {
                [key: string]: unknown;
            };
            /** @description The id of the record concerned. */
            entityId: string | null;
            /** @description The kind of record concerned, e.g. `user`. */
            entityType: string | null;
            /** @description The event’s number (a 64-bit integer, as text): later events have larger ones. */
            id: string;
            /** @enum {string} */
            outcome: "done" | "denied";
            /**
             * Format: uuid
             * @description The patient whose data this concerns.
             */
            patientId: string | null;
            /** Format: date-time */
            recordedAt: string;
            /** @description The `X-Request-Id` of the request that did it. */
            requestId: string | null;
            /** @description Position in the hash chain (a 64-bit integer, as text); null until sealed. */
            seq: string | null;
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEventDto"][];
            /** @description Pass as `before` for the next (older) page; null when this page is not full. */
            nextCursor: string | null;
        };
        BrokenLinkDto: {
            /** @description The id of the event that seal covers. */
            eventId: string;
            /** @description What `problem` means, in words. */
            message: string;
            /** @enum {string} */
            problem: "event_missing" | "event_altered" | "link_broken" | "sequence_gap";
            /** @description The broken seal’s position (a 64-bit integer, as text). */
            seq: string;
        };
        BrowserSessionDto: {
            /** @description Send as the `X-CSRF-Token` header with every request that changes something. Also in the `pcs_csrf` cookie, which the page may read; the session itself is in an HttpOnly cookie no script can read. */
            csrfToken: string;
            /**
             * Format: date-time
             * @description The latest the session can last.
             */
            expiresAt: string;
            /** @description The session ends after this many seconds without a request. */
            idleTimeoutSeconds: number;
            /** @description The role needs a second factor that is not set up yet: enrol before anything else. */
            totpEnrolmentRequired: boolean;
            user: components["schemas"]["UserDto"];
        };
        CaseDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @description Free text; shown only to roles allowed identified data. Left out for callers without `patients.read`. */
            notes?: string | null;
            /** @example P-7KQ2M */
            patientCode: string;
            /** Format: uuid */
            patientId: string;
            /** @description Oldest first. */
            photos: components["schemas"]["PhotoSummaryDto"][];
            procedure: string;
            provider: string;
            /** Format: date */
            treatmentDate: string;
        };
        CaseSummaryDto: {
            /** Format: uuid */
            id: string;
            photoCount: number;
            procedure: string;
            provider: string;
            /** Format: date */
            treatmentDate: string;
        };
        ChainHeadDto: {
            /** @description The last seal’s SHA-256, in hex. */
            hash: string;
            /** @description The last seal’s position (a 64-bit integer, as text). */
            seq: string;
        };
        ChainVerificationDto: {
            /** @description How long the check took, in milliseconds. */
            durationMs: number;
            /** @description The first broken link; null when there is none. */
            firstBrokenLink: components["schemas"]["BrokenLinkDto"] | null;
            /** @description The chain’s last link; null while nothing is sealed. Record it elsewhere to detect truncation later. */
            head: components["schemas"]["ChainHeadDto"] | null;
            /** @description true: no broken link and no unchained event. */
            intact: boolean;
            /** @description Events queued for sealing, not yet in the chain. */
            pendingEvents: number;
            /** @description Events in the hash chain. */
            sealedEvents: number;
            /** @description Events neither sealed nor queued for sealing: a sign of tampering. */
            unchainedEvents: number;
        };
        ChangePasswordDto: {
            /** @example Quiet-Harbor-Lantern-2026 */
            currentPassword: string;
            /**
             * @description At least 12 characters, not a common password, and not built from the account’s email or name.
             * @example Copper-Meadow-Signal-7413
             */
            newPassword: string;
        };
        /** @enum {string} */
        Channel: "website" | "social" | "social.instagram" | "social.facebook" | "social.tiktok" | "social.youtube" | "social.x" | "social.pinterest" | "social.linkedin" | "email" | "print" | "in_office" | "review_sites" | "education";
        CheckedUseDto: {
            /**
             * Format: date-time
             * @description The moment the use was decided for.
             */
            at: string;
            channel: components["schemas"]["Channel"];
            faceShown: boolean;
            marksObscured: boolean;
            nameShown: boolean;
            paid: boolean;
        };
        ChecklistDto: {
            /** @description Every element passes. */
            complete: boolean;
            items: components["schemas"]["ChecklistItemDto"][];
            /** @description What the checklist is, and that it is not legal advice. */
            notice: string;
            /** Format: uuid */
            releaseId: string;
            version: number;
        };
        ChecklistItemDto: {
            /** @example 45 CFR 164.508(c)(1)(v) */
            citation: string;
            /** @example expiration */
            element: string;
            /** @description What is missing, when it fails; null when it passes. */
            missing: string | null;
            passed: boolean;
            requirement: string;
        };
        ClearanceBatchDto: {
            /**
             * @description The checks to decide, 1 to 500; the answer keeps their order.
             * @example [
             *       {
             *         "photoId": "3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b23",
             *         "channel": "social.instagram",
             *         "marksObscured": true
             *       },
             *       {
             *         "photoId": "8a4d0c7b-2e5f-4a13-b6c9-0f1e2d3c4b5a",
             *         "channel": "website",
             *         "faceShown": false,
             *         "at": "2026-05-04T09:00:00Z"
             *       }
             *     ]
             */
            checks: components["schemas"]["ClearanceBatchItemDto"][];
        };
        ClearanceBatchItemDto: {
            /**
             * Format: date-time
             * @description When the use happens (ISO 8601 with zone). Defaults to now; a later time checks a scheduled post.
             * @example 2026-05-04T09:00:00Z
             */
            at?: string;
            /**
             * @description Where the photo would appear: a channel code (`social.instagram`, `website`, `print`, …).
             * @example social.instagram
             */
            channel: components["schemas"]["Channel"];
            /**
             * @description Whether the face shows in this use. Defaults to whether the photo shows it.
             * @example false
             */
            faceShown?: boolean;
            /**
             * @description Whether the photo's identifying marks are obscured in this use. Defaults to false.
             * @example true
             */
            marksObscured?: boolean;
            /**
             * @description Whether the patient's name is shown with the photo. Defaults to false.
             * @example false
             */
            nameShown?: boolean;
            /**
             * @description Whether the placement is paid advertising. Defaults to false.
             * @example false
             */
            paid?: boolean;
            /**
             * Format: uuid
             * @description The photo.
             * @example 3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b23
             */
            photoId: string;
        };
        ClearanceBatchResultDto: {
            /** @description One decision per check, in the order asked. */
            results: components["schemas"]["ClearanceDto"][];
        };
        ClearanceDto: {
            /** @description Whether the use is cleared. */
            allowed: boolean;
            /**
             * Format: date-time
             * @description When the service decided.
             */
            checkedAt: string;
            /** Format: uuid */
            photoId: string;
            /** @description Every rule that failed; empty when allowed. */
            reasons: components["schemas"]["ClearanceReasonDto"][];
            /**
             * Format: uuid
             * @description The governing release.
             */
            releaseId: string | null;
            /** @description The governing release's version. */
            releaseVersion: number | null;
            /**
             * @description Changes to the use (or the paperwork) that would make it pass, where there are any.
             * @example [
             *       "Crop or obscure the face."
             *     ]
             */
            remedies: string[];
            /** @description The use decided on, defaults filled in. */
            use: components["schemas"]["CheckedUseDto"];
            /**
             * Format: date-time
             * @description Until when an allowance holds (the release's expiry); null without an expiry date or when denied.
             */
            validUntil: string | null;
        };
        ClearanceLookupResultDto: {
            /** @description The photos the file is a copy of, best first; may be empty. */
            matches: components["schemas"]["LookupMatchDto"][];
            /** @description Hex SHA-256 of the file looked up, as recorded in the audit trail. */
            sha256: string;
        };
        ClearanceReasonDto: {
            /** @enum {string} */
            code: "no_release" | "release_not_yet_signed" | "release_expired" | "release_defective" | "release_revoked" | "channel_revoked" | "photo_withdrawn" | "photo_on_hold" | "channel_not_permitted" | "channel_denied" | "face_not_allowed" | "marks_not_obscured" | "name_not_allowed" | "paid_not_allowed" | "education_not_allowed";
            /** @example The release does not allow the face to be shown. */
            message: string;
        };
        CompleteTaskDto: {
            /** @description The evidence. With `screenshot`, send multipart/form-data: the file in `screenshot` and this object in `metadata`. */
            evidence: components["schemas"]["TaskEvidenceDto"];
        };
        CreateApiKeyDto: {
            /**
             * @description What the key is for.
             * @example Clinic website
             */
            name: string;
            /**
             * @description What the key may do: only these permissions can be granted to a key.
             * @example [
             *       "photos.read",
             *       "clearance.check"
             *     ]
             */
            permissions: components["schemas"]["ApiKeyPermission"][];
        };
        CreateCaseDto: {
            /**
             * @description Free text; shown only to roles allowed identified data.
             * @example Follow-up photos at 3 and 6 months.
             */
            notes?: string | null;
            /** @example Rhinoplasty */
            procedure: string;
            /** @example Dr. A. Smith */
            provider: string;
            /**
             * Format: date
             * @example 2026-03-02
             */
            treatmentDate: string;
        };
        CreatedApiKeyDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The staff member who created it.
             */
            createdBy: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Recorded at most once a minute; null if never used.
             */
            lastUsedAt: string | null;
            /** @description The client address of that use. */
            lastUsedIp: string | null;
            name: string;
            /** @description Sorted. */
            permissions: components["schemas"]["Permission"][];
            /**
             * Format: date-time
             * @description null while the key works.
             */
            revokedAt: string | null;
            /** @description Send as `Authorization: Bearer <token>`. Shown only now; store it safely. */
            token: string;
            /** @description The first characters of the token (`pcs_k_…`), to tell keys apart. */
            tokenPrefix: string;
        };
        CreatePatientDto: {
            /**
             * Format: email
             * @example jane.roe@example.com
             */
            contactEmail?: string | null;
            /** @example +1 555 010 2233 */
            contactPhone?: string | null;
            /**
             * Format: date
             * @description From 1900 on, not in the future. Under 18 today, the patient needs a guardian.
             * @example 1990-04-01
             */
            dateOfBirth: string;
            /** @example Jane Roe */
            fullName: string;
            /** @description Required for a patient under 18, with contactEmail or contactPhone. */
            guardian?: components["schemas"]["GuardianInputDto"] | null;
            /**
             * @description The clinic's medical record number; unique.
             * @example MRN-104233
             */
            mrn?: string | null;
            /** @example 12 Example Street, Springfield */
            postalAddress?: string | null;
        };
        CreatePublicationDto: {
            /**
             * @description Where it is used: a channel code.
             * @example website
             */
            channel: components["schemas"]["Channel"];
            /**
             * @description Whether the face shows. Defaults to whether the photo shows it.
             * @example false
             */
            faceShown?: boolean;
            /**
             * @description For `website` only: the service serves the photo at an unguessable /m/{token} URL (`mediaUrl`), while consent clears it; `location` is then optional. Defaults to false.
             * @example false
             */
            hosted?: boolean;
            /**
             * @description Where it appears, at least one field; required unless `hosted`.
             * @example {
             *       "url": "https://clinic.example/gallery/rhinoplasty"
             *     }
             */
            location?: components["schemas"]["PublicationLocationDto"];
            /**
             * @description Whether identifying marks are obscured. Defaults to false.
             * @example false
             */
            marksObscured?: boolean;
            /**
             * @description Whether the patient's name is shown with it. Defaults to false.
             * @example false
             */
            nameShown?: boolean;
            /**
             * @description Whether the placement is paid advertising. Defaults to false.
             * @example false
             */
            paid?: boolean;
            /**
             * Format: uuid
             * @description The photo used.
             * @example 3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b23
             */
            photoId: string;
            /**
             * Format: date-time
             * @description When it went live; defaults to now, never later. The use must have been cleared then as well as now (409 `publication_not_cleared` with `decidedAt` otherwise).
             * @example 2026-04-20T10:00:00Z
             */
            publishedAt?: string;
            /**
             * @description Records a use found later that consent did not clear at `publishedAt` (it must be cleared now): kept with `clearedWhenPublished: false` and listed on the rights report, never as cleared from the start. Defaults to false.
             * @example false
             */
            unclearedWhenPublished?: boolean;
        };
        CreateRevocationDto: {
            /**
             * @description How the requester's identity was verified.
             * @example Called back on the number on file; confirmed date of birth
             */
            identityVerification: string;
            /**
             * @description Anything else staff should know about the request.
             * @example Asked for a written confirmation by post
             */
            notes?: string;
            /**
             * Format: date-time
             * @description When the clinic received the request: it takes effect then. Defaults to now; never in the future.
             * @example 2026-11-30T14:05:00Z
             */
            receivedAt?: string;
            /**
             * @description How the request reached the clinic.
             * @example phone
             * @enum {string}
             */
            receivedVia: "portal" | "email" | "phone" | "in_person" | "mail";
            /** @description Who asked: the patient, a guardian or an authorized agent. */
            requester: components["schemas"]["RequesterDto"];
            /** @description What consent is withdrawn. */
            scope: components["schemas"]["RevocationScopeDto"];
        };
        CreateSigningRequestDto: {
            /** @description Why the release is amended; required with amendsReleaseId. */
            amendmentReason?: string;
            /**
             * Format: uuid
             * @description The current version of a release of this patient that the form amends: signed, it becomes the next version, and what it no longer allows comes down as a narrowing amendment’s does.
             */
            amendsReleaseId?: string;
            /** @description The cases covered, all the patient's. Give this or coversAllCases. */
            caseIds?: string[];
            /**
             * @description Covers every case of the patient, now and later. Give this (true) or caseIds.
             * @example true
             */
            coversAllCases?: boolean;
            /**
             * @description `desk`: the patient signs on the clinic’s tablet now, the front desk witnessing. `mail`: a one-time link is mailed to the signer’s address on file (a guardian’s for a guardian), opened with the patient’s date of birth, and signed on their own device within `SIGNING_LINK_DAYS`.
             * @enum {string}
             */
            delivery: "desk" | "mail";
            /**
             * @description 164.508(c)(1)(ii): who is authorized to make the disclosure.
             * @example Example Aesthetic Clinic
             */
            disclosingParty?: string;
            /** @description 164.508(c)(1)(v): or the event on which it expires. */
            expirationEvent?: string;
            /**
             * Format: date-time
             * @description 164.508(c)(1)(v): expiry date; after signedAt. This or expirationEvent.
             * @example 2028-03-02T00:00:00Z
             */
            expiresAt?: string;
            /**
             * @description 164.508(c)(1)(i): the information to be used or disclosed.
             * @example Before and after photos of my rhinoplasty, without my name.
             */
            informationDescription?: string;
            /**
             * @description The language the patient reads it in.
             * @enum {string}
             */
            language: "en" | "es";
            /**
             * @description 164.508(c)(1)(iv): the purpose of the disclosure.
             * @example Marketing of the clinic's services
             */
            purpose?: string;
            /**
             * @description 164.508(c)(1)(iii): to whom the clinic may disclose.
             * @example Visitors to the clinic's website and social media accounts
             */
            recipients?: string;
            /** @description What the release allows. */
            scope: components["schemas"]["ScopeDto"];
            /** @description Under 18 on the signing day, a guardian must sign. */
            signedBy: components["schemas"]["SignedByDto"];
            /**
             * Format: uuid
             * @description The version of the form template to word it in.
             */
            templateId: string;
        };
        CreateUserDto: {
            /** @example Jane Roe */
            displayName: string;
            /**
             * Format: email
             * @description The sign-in address; kept in lower case, and unique among accounts.
             * @example jane.roe@clinic.example
             */
            email: string;
            /**
             * @description At least 12 characters, not a common password, and not built from the email or name.
             * @example Copper-Meadow-Signal-7413
             */
            password: string;
            /** @example front_desk */
            role: components["schemas"]["StaffRole"];
        };
        DaysToCloseDto: {
            /** @description Median, to one decimal; null when no case closed. */
            median: number | null;
            /** @description 95th percentile, to one decimal; null when no case closed. */
            p95: number | null;
        };
        DeniedPublicationDto: {
            publication: components["schemas"]["PublicationDto"];
            /** @description Every rule that failed. */
            reasons: components["schemas"]["ClearanceReasonDto"][];
            /** @description Changes that would make the use pass, where there are any. */
            remedies: string[];
        };
        DiscoveredPublicationDto: {
            /**
             * @description Where it appears; its task goes to that channel's default owner.
             * @example social.facebook
             */
            channel: components["schemas"]["Channel"];
            /**
             * @description Whether the face shows. Defaults to whether the photo shows it.
             * @example false
             */
            faceShown?: boolean;
            /**
             * @description How and when it was found, for the record.
             * @example Found by the patient on an old Facebook album of the clinic; reported by phone
             */
            howFound: string;
            /** @description Where it was found: url, postId, campaign or printRun. */
            location: components["schemas"]["PublicationLocationDto"];
            /**
             * @description Whether identifying marks are obscured. Defaults to false.
             * @example false
             */
            marksObscured?: boolean;
            /**
             * @description Whether the patient's name is shown with it. Defaults to false.
             * @example false
             */
            nameShown?: boolean;
            /**
             * @description Whether the placement is paid advertising. Defaults to false.
             * @example false
             */
            paid?: boolean;
            /**
             * Format: uuid
             * @description The photo it shows: one of the case's patient's photos.
             * @example 3c9e7b1a-5f24-4d8e-b0a6-9e2f7c41d853
             */
            photoId: string;
            /**
             * Format: date-time
             * @description When it went live, if known; defaults to now, never later. Recorded with the publication, with whether consent cleared it then.
             * @example 2025-04-18T10:00:00Z
             */
            publishedAt?: string;
            /**
             * @description Ignored here: the service records whether consent cleared the use at `publishedAt` itself.
             * @example false
             */
            unclearedWhenPublished?: boolean;
        };
        ExpiringReleaseDto: {
            /** Format: date-time */
            expiresAt: string;
            /** @example P-7KQ2M */
            patientCode: string;
            /** @description Live publications under it. */
            publicationIds: string[];
            /** Format: uuid */
            releaseId: string;
            releaseVersion: number;
        };
        /** @description The signed form. Also carries `title`: the form template and version. */
        FhirAttachment: {
            /** @enum {string} */
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            extension: components["schemas"]["FhirAttachmentExtension"][];
            /**
             * Format: byte
             * @description The SHA-1 of the form, base64 (as FHIR defines `hash`).
             */
            hash: string;
            /** @description Bytes. */
            size: number;
            /**
             * Format: uri-reference
             * @description Where to download it, relative to the service.
             */
            url: string;
        };
        /** @description Also carries `valueString`: the hex SHA-256 of the signed form. */
        FhirAttachmentExtension: {
            /**
             * Format: uri
             * @example urn:photo-consent:fhir:StructureDefinition/attachment-sha256
             */
            url: string;
        };
        /** @description A publication channel as a FHIR Identifier, in the service’s channel system. */
        FhirChannelIdentifier: {
            /**
             * Format: uri
             * @example urn:photo-consent:fhir:channel
             */
            system: string;
            /** @example website */
            value: components["schemas"]["Channel"];
        };
        /** @description A FHIR CodeableConcept: one or more codings of a concept. */
        FhirCodeableConcept: {
            coding: components["schemas"]["FhirCoding"][];
        };
        /** @description A FHIR Coding: a code of a code system. It also carries `display`, the code’s name for people. */
        FhirCoding: {
            /** @example patient-privacy */
            code: string;
            /**
             * Format: uri
             * @example http://terminology.hl7.org/CodeSystem/consentscope
             */
            system: string;
        };
        /** @description A release version as an HL7 FHIR R4 Consent resource (privacy consent, HIPAA authorization). */
        FhirConsent: {
            /** @description LOINC 64292-6, release of information consent. */
            category: components["schemas"]["FhirCodeableConcept"][];
            /** @description Only when a guardian signed. */
            contained?: components["schemas"]["FhirRelatedPerson"][];
            /**
             * Format: date-time
             * @description When the form was signed.
             */
            dateTime: string;
            /**
             * Format: uuid
             * @description The release version’s id.
             */
            id: string;
            identifier: components["schemas"]["FhirIdentifier"][];
            meta: components["schemas"]["FhirMeta"];
            /** @description The patient, shown by their code. */
            patient: components["schemas"]["FhirReference"];
            /** @description The signer: the patient, or `#signer` for a guardian. */
            performer: components["schemas"]["FhirReference"][];
            /** @description 45 CFR 164.508. */
            policy: components["schemas"]["FhirPolicy"][];
            /** @description hipaa-auth. */
            policyRule: components["schemas"]["FhirCodeableConcept"];
            provision: components["schemas"]["FhirProvision"];
            /** @enum {string} */
            resourceType: "Consent";
            /** @description patient-privacy. */
            scope: components["schemas"]["FhirCodeableConcept"];
            sourceAttachment: components["schemas"]["FhirAttachment"];
            /**
             * @description Inactive once superseded, revoked, expired, or when the release is not a valid authorization.
             * @enum {string}
             */
            status: "active" | "inactive";
        };
        /** @description The authorization’s identifier, shared by every version: its series id as a URN. */
        FhirIdentifier: {
            /**
             * Format: uri
             * @example urn:ietf:rfc:3986
             */
            system: string;
            /**
             * Format: uri
             * @example urn:uuid:3f2b8c1e-2d4a-4c6b-9e8f-1a2b3c4d5e6f
             */
            value: string;
        };
        /** @description Also carries `versionId`: the release version’s number, as text. */
        FhirMeta: {
            /**
             * Format: date-time
             * @description When the version was recorded.
             */
            lastUpdated: string;
        };
        FhirPeriod: {
            /** Format: date-time */
            end?: string;
            /** Format: date-time */
            start?: string;
        };
        FhirPolicy: {
            /**
             * Format: uri
             * @example https://www.ecfr.gov/current/title-45/section-164.508
             */
            uri: string;
        };
        /** @description A FHIR Consent provision. The top one permits disclosure on the granted channels for the period; the nested ones deny a channel, a depiction (face, name, unobscured marks), a use (paid advertising, educational), or what a revocation or a withdrawal of photos took away from the day it was received. */
        FhirProvision: {
            action?: components["schemas"]["FhirCodeableConcept"][];
            actor?: components["schemas"]["FhirProvisionActor"][];
            class?: components["schemas"]["FhirCoding"][];
            code?: components["schemas"]["FhirCodeableConcept"][];
            data?: components["schemas"]["FhirProvisionData"][];
            period?: components["schemas"]["FhirPeriod"];
            provision?: components["schemas"]["FhirProvision"][];
            /** @description Left out for callers without `patients.read`. */
            purpose?: components["schemas"]["FhirCoding"][];
            /** @enum {string} */
            type: "permit" | "deny";
        };
        /** @description A recipient of the disclosure: a publication channel. */
        FhirProvisionActor: {
            reference: components["schemas"]["FhirReference"];
            /** @description Always IRCP, information recipient. */
            role: components["schemas"]["FhirCodeableConcept"];
        };
        /** @description Data a provision is about: covered cases or withdrawn photos. */
        FhirProvisionData: {
            /** @enum {string} */
            meaning: "instance" | "related" | "dependents" | "authoredby";
            reference: components["schemas"]["FhirReference"];
        };
        /** @description A FHIR Reference: to a resource by `reference` (`Patient/<id>`, `Media/<id>`, `EpisodeOfCare/<case id>`, `#signer`) or to a channel by `identifier`. It may also carry `display`: the patient’s code, or the channel. */
        FhirReference: {
            identifier?: components["schemas"]["FhirChannelIdentifier"];
            /**
             * Format: uri-reference
             * @example Patient/3f2b8c1e-2d4a-4c6b-9e8f-1a2b3c4d5e6f
             */
            reference?: string;
        };
        /** @description The guardian who signed, contained in the Consent. Also carries `relationship` (the HL7 role code when there is one, and the authority as `text`) and `name` (the signer’s name as `text`). */
        FhirRelatedPerson: {
            /** @enum {string} */
            id: "signer";
            patient: components["schemas"]["FhirReference"];
            /** @enum {string} */
            resourceType: "RelatedPerson";
        };
        FormTemplateDto: {
            clinicName: string;
            /**
             * Format: uuid
             * @description Shared by every version of the template.
             */
            familyId: string;
            /** Format: uuid */
            id: string;
            /** @description The languages the form is offered in. */
            languages: ("en" | "es")[];
            /** Format: date-time */
            publishedAt: string;
            /**
             * Format: uuid
             * @description Null for the template the service ships.
             */
            publishedByUserId: string | null;
            version: number;
            /** @description Every version of the template, newest first. */
            versions: components["schemas"]["FormTemplateVersionDto"][];
            wording: components["schemas"]["FormTranslationsDto"];
        };
        FormTemplateListDto: {
            /** @description The newest version of each template, newest first. */
            items: components["schemas"]["FormTemplateDto"][];
        };
        FormTemplateVersionDto: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            publishedAt: string;
            version: number;
        };
        FormTranslationsDto: {
            /** @description The form in English. */
            en?: components["schemas"]["FormWordingDto"];
            /** @description The form in Spanish. */
            es?: components["schemas"]["FormWordingDto"];
        };
        FormWordingDto: {
            closing?: string | null;
            /**
             * @description The consent to sign and receive the form electronically (ESIGN Act, UETA), with the right to a paper copy and to withdraw that consent.
             * @example You agree to sign this form electronically…
             */
            electronicSignatureDisclosure: string;
            /**
             * @description What the form is for, in the clinic’s words.
             * @example We would like to use photographs of your treatment…
             */
            introduction: string;
            /**
             * @description That what is disclosed may be redisclosed by its recipient and no longer be protected (164.508(c)(2)(iii)).
             * @example Once published, the photographs may be copied by others…
             */
            redisclosure: string;
            /**
             * @description The right to revoke in writing, how to do it, and its exceptions (45 CFR 164.508(c)(2)(i)).
             * @example You may revoke this authorization at any time by writing to…
             */
            rightToRevoke: string;
            /** @example Authorization to use photographs */
            title: string;
            /**
             * @description That treatment, payment, enrolment or eligibility does not depend on signing (164.508(c)(2)(ii)).
             * @example Your treatment does not depend on whether you sign.
             */
            treatmentNotConditioned: string;
        };
        GuardianDto: {
            /**
             * Format: email
             * @description Left out for callers without `patients.read`.
             */
            contactEmail?: string | null;
            /** @description Left out for callers without `patients.read`. */
            contactPhone?: string | null;
            /** @description Left out for callers without `patients.read`. */
            fullName?: string;
            /** @enum {string} */
            relationship: "parent" | "legal_guardian" | "healthcare_agent" | "other";
        };
        GuardianInputDto: {
            /**
             * Format: email
             * @description This or contactPhone is required while the patient is under 18.
             * @example john.roe@example.com
             */
            contactEmail?: string | null;
            /**
             * @description This or contactEmail is required while the patient is under 18.
             * @example +1 555 010 4477
             */
            contactPhone?: string | null;
            /** @example John Roe */
            fullName: string;
            /**
             * @description How the guardian stands to the patient.
             * @example parent
             * @enum {string}
             */
            relationship: "parent" | "legal_guardian" | "healthcare_agent" | "other";
        };
        HealthStatusDto: {
            /** @enum {string} */
            status: "ok";
        };
        HoldDto: {
            /** @description Whether the hold stands (not lifted). */
            active: boolean;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Null while it stands.
             */
            liftedAt: string | null;
            /** Format: uuid */
            liftedByUserId: string | null;
            /** @description Why it was lifted, if given. Left out for callers without `patients.read`. */
            liftReason?: string | null;
            /** Format: uuid */
            patientId: string;
            /** @description The held photos; null: every photo of the patient, later uploads included. */
            photoIds: string[] | null;
            /** Format: date-time */
            placedAt: string;
            /**
             * Format: uuid
             * @description The staff member who placed it.
             */
            placedByUserId: string | null;
            /** @description Why it was placed. Left out for callers without `patients.read`. */
            reason?: string;
        };
        HoldListDto: {
            /** @description Newest first, standing and lifted. */
            items: components["schemas"]["HoldDto"][];
        };
        IntendedUseDto: {
            /**
             * Format: date-time
             * @description When the use happens (ISO 8601 with zone). Defaults to now; a later time checks a scheduled post.
             * @example 2026-05-04T09:00:00Z
             */
            at?: string;
            /**
             * @description Where the photo would appear: a channel code (`social.instagram`, `website`, `print`, …).
             * @example social.instagram
             */
            channel: components["schemas"]["Channel"];
            /**
             * @description Whether the face shows in this use. Defaults to whether the photo shows it.
             * @example false
             */
            faceShown?: boolean;
            /**
             * @description Whether the photo's identifying marks are obscured in this use. Defaults to false.
             * @example true
             */
            marksObscured?: boolean;
            /**
             * @description Whether the patient's name is shown with the photo. Defaults to false.
             * @example false
             */
            nameShown?: boolean;
            /**
             * @description Whether the placement is paid advertising. Defaults to false.
             * @example false
             */
            paid?: boolean;
        };
        LibraryPhotoDto: {
            /** @example nose */
            bodyArea: string | null;
            /**
             * Format: uuid
             * @description The case (pseudonymous).
             */
            caseId: string;
            /** @description With `clearedFor` only: the verdict for it. */
            clearance?: components["schemas"]["LibraryVerdictDto"];
            /** @description Whether the face shows. */
            faceVisible: boolean;
            /** @description Whether a before/after pair of the same case exists for it. */
            hasPair: boolean;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "before" | "after" | "progress";
            /**
             * Format: uuid
             * @description The photo it pairs with (either side of the pair), if any.
             */
            pairedPhotoId: string | null;
            /**
             * @description The patient's pseudonymous code.
             * @example P-7KQ2M
             */
            patientCode: string;
            /**
             * @description The case's procedure.
             * @example Rhinoplasty
             */
            procedure: string;
            /** Format: date-time */
            takenAt: string | null;
            /**
             * Format: uri-reference
             * @description The 400 px WebP thumbnail.
             */
            thumbUrl: string;
            /** Format: date-time */
            uploadedAt: string;
            /** @description View or angle, e.g. "front". */
            view: string | null;
        };
        LibraryPhotoPageDto: {
            items: components["schemas"]["LibraryPhotoDto"][];
            /** @description Pass as `before` for the next page. */
            nextCursor: string | null;
        };
        LibraryVerdictDto: {
            /** @description Whether the use is cleared now (always true in a `clearedFor` listing). */
            allowed: boolean;
            /** @description The channel asked about in `clearedFor`. */
            channel: components["schemas"]["Channel"];
            /**
             * Format: date-time
             * @description Until when it holds (the governing release's expiry); null without an expiry date.
             */
            validUntil: string | null;
        };
        LiftHoldDto: {
            /**
             * @description Why it is lifted, for the record.
             * @example Identity verified; the patient withdrew the request
             */
            reason?: string;
        };
        LoginDto: {
            /**
             * @description The sign-in address; letter case and surrounding spaces do not matter.
             * @example jane.roe@clinic.example
             */
            email: string;
            /** @example Quiet-Harbor-Lantern-2026 */
            password: string;
            /**
             * @description The current 6-digit code of the authenticator app, for accounts with a second factor. Without it such an account is answered 401 `totp_required`.
             * @example 492817
             */
            totpCode?: string;
        };
        LoginResponseDto: {
            /**
             * Format: date-time
             * @description The latest the session can last.
             */
            expiresAt: string;
            /** @description The session ends after this many seconds without a request. */
            idleTimeoutSeconds: number;
            /** @description Send as `Authorization: Bearer <token>`. Shown only here. */
            token: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** @description The role needs a second factor that is not set up yet: enrol before anything else. */
            totpEnrolmentRequired: boolean;
            user: components["schemas"]["UserDto"];
        };
        LookupCropDto: {
            /** @example 0.1 */
            bottom: number;
            /** @example 0.05 */
            left: number;
            /** @example 0.02 */
            right: number;
            /** @example 0 */
            top: number;
        };
        LookupMatchDto: {
            /** Format: uuid */
            caseId: string;
            /** @description Whether the photo may be used as intended. */
            clearance: components["schemas"]["ClearanceDto"];
            /** @description How much of the photo the file lacks on each side, in fractions. */
            crop: components["schemas"]["LookupCropDto"];
            /** @description Bits between the file's hash and the photo's. */
            distance: number;
            /** @enum {string} */
            kind: "before" | "after" | "progress";
            /**
             * Format: uuid
             * @description The before or after it is paired with.
             */
            pairedPhotoId: string | null;
            /** Format: uuid */
            photoId: string;
            /**
             * @description Correlation of grey levels once aligned (1 is identical).
             * @example 0.987
             */
            similarity: number;
            /** @description The view or angle, e.g. "front" or "left oblique", if recorded. */
            view: string | null;
        };
        MeDto: {
            /** @description The session ends after this many seconds without a request (counted from `session.lastSeenAt`). */
            idleTimeoutSeconds: number;
            /** @description What the caller's role may do, sorted. */
            permissions: components["schemas"]["Permission"][];
            session: components["schemas"]["SessionDto"];
            /** @description The role needs a second factor this session has not proved: enrol (or verify) before anything else. */
            totpEnrolmentRequired: boolean;
            user: components["schemas"]["UserDto"];
        };
        /** @enum {string} */
        MessageDelivery: "outbox" | "pending" | "sent" | "undeliverable";
        /** @enum {string} */
        MessageKind: "portal_access_link" | "signing_request_link" | "signed_release_copy" | "revocation_receipt" | "removal_case_opened" | "removal_task_assigned" | "removal_reminder" | "removal_escalation" | "removal_overdue" | "removal_case_closed";
        NotClearedProblemDto: {
            /**
             * Format: date-time
             * @description The moment the use was decided for: now, or `publishedAt` when that is what failed.
             */
            decidedAt?: string;
            /** @description Every rule that failed. */
            reasons?: components["schemas"]["ClearanceReasonDto"][];
            /**
             * Format: uuid
             * @description The governing release, if any.
             */
            releaseId?: string | null;
            /** @description The governing release's version, if any. */
            releaseVersion?: number | null;
            /** @description Changes that would make the use pass, where there are any. */
            remedies?: string[];
        };
        NotReadyProblemDto: {
            /** @description Which dependency is down (both may be up while draining). */
            checks: components["schemas"]["ReadinessChecksDto"];
            /** @enum {string} */
            code: "not_ready";
            /** @description true: the instance is shutting down, so load balancers send it no new work. */
            draining: boolean;
            /** @enum {integer} */
            status: 503;
        };
        NotRemovableDto: {
            /**
             * @description Why it cannot come down, e.g. actions taken in reliance on the authorization.
             * @example 2,000 printed brochures already handed out at the spring open day
             */
            reason: string;
        };
        OriginalDto: {
            bytes: number;
            /** @enum {string} */
            contentType: "image/jpeg" | "image/png" | "image/webp" | "image/tiff" | "image/avif";
            /** @description The uploader's file name, sanitised; left out for roles not allowed identified data. Left out for callers without `patients.read`. */
            fileName?: string | null;
            /** @description Pixels, upright (after the EXIF orientation). */
            height: number;
            /** @description Hex SHA-256 of the original as stored. */
            sha256: string;
            /** @description Pixels, upright (after the EXIF orientation). */
            width: number;
        };
        OutboxMessageDto: {
            /** @description The file mailed with it (the signed release a patient is sent a copy of); null when none. */
            attachmentName: string | null;
            /** @description Delivery attempts by SMTP so far. */
            attempts: number;
            /** @description Absent for a message to a patient when the caller may not see identified data. A sign-in link's token is never shown. */
            body?: string;
            /** Format: date-time */
            createdAt: string;
            /** @description `outbox`: kept here to be read (no SMTP server is configured); `pending`: waiting for delivery by SMTP; `sent`; `undeliverable`: no address on file, so it goes by post. */
            delivery: components["schemas"]["MessageDelivery"];
            /** Format: uuid */
            id: string;
            /** @description Whether `to` and `body` were left out: the message is to a patient. */
            identifiedWithheld: boolean;
            /** @description What the message is about. */
            kind: components["schemas"]["MessageKind"];
            /** @description The last SMTP delivery error; null when none, or when it is a patient's and withheld. Left out for callers without `patients.read`. */
            lastError?: string | null;
            /**
             * Format: uuid
             * @description The patient it is to, if any.
             */
            recipientPatientId: string | null;
            /**
             * Format: uuid
             * @description The staff member it is to, if any.
             */
            recipientUserId: string | null;
            /**
             * Format: uuid
             * @description The removal case it is about, if any.
             */
            removalCaseId: string | null;
            /**
             * Format: date-time
             * @description When it was sent by SMTP.
             */
            sentAt: string | null;
            /** @description Names the patient by code only. */
            subject: string;
            /** @description null: no address on file; send it by post. Absent when it is a patient's and the caller may not see identified data (`identifiedWithheld`). */
            to?: string | null;
        };
        OutboxPageDto: {
            items: components["schemas"]["OutboxMessageDto"][];
            /** @description Pass as `before` for the next (older) page; null on the last page. */
            nextCursor: string | null;
        };
        PatientDetailDto: {
            /** @description Newest treatment date first. */
            cases: components["schemas"]["CaseSummaryDto"][];
            /**
             * @description Pseudonymous code, used wherever identity is not needed.
             * @example P-7KQ2M
             */
            code: string;
            /**
             * Format: email
             * @description Left out for callers without `patients.read`.
             */
            contactEmail?: string | null;
            /** @description Left out for callers without `patients.read`. */
            contactPhone?: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @description Left out for callers without `patients.read`.
             */
            dateOfBirth?: string;
            /** @description Left out for callers without `patients.read`. */
            fullName?: string;
            /** @description Recorded for a minor; may stay after 18. Left out for callers without `patients.read`. */
            guardian?: components["schemas"]["GuardianDto"] | null;
            /** Format: uuid */
            id: string;
            /** @description Under 18 today. */
            minor: boolean;
            /** @description The clinic's medical record number. Left out for callers without `patients.read`. */
            mrn?: string | null;
            /** @description Left out for callers without `patients.read`. */
            postalAddress?: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        PatientDto: {
            /**
             * @description Pseudonymous code, used wherever identity is not needed.
             * @example P-7KQ2M
             */
            code: string;
            /**
             * Format: email
             * @description Left out for callers without `patients.read`.
             */
            contactEmail?: string | null;
            /** @description Left out for callers without `patients.read`. */
            contactPhone?: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date
             * @description Left out for callers without `patients.read`.
             */
            dateOfBirth?: string;
            /** @description Left out for callers without `patients.read`. */
            fullName?: string;
            /** @description Recorded for a minor; may stay after 18. Left out for callers without `patients.read`. */
            guardian?: components["schemas"]["GuardianDto"] | null;
            /** Format: uuid */
            id: string;
            /** @description Under 18 today. */
            minor: boolean;
            /** @description The clinic's medical record number. Left out for callers without `patients.read`. */
            mrn?: string | null;
            /** @description Left out for callers without `patients.read`. */
            postalAddress?: string | null;
            /** Format: date-time */
            updatedAt: string;
        };
        PatientSearchResultDto: {
            /** @description By name, then id. */
            items: components["schemas"]["PatientDto"][];
            limit: number;
            offset: number;
        };
        /**
         * @description What the caller's role may do, sorted.
         * @enum {string}
         */
        Permission: "patients.read" | "patients.write" | "releases.read" | "releases.write" | "templates.write" | "photos.upload" | "photos.original" | "photos.read" | "clearance.check" | "publications.read" | "publications.write" | "revocations.write" | "holds.write" | "removals.read" | "removals.work" | "removals.approve" | "audit.read" | "users.read" | "users.write" | "api_keys.read" | "api_keys.write" | "outbox.read";
        PhotoDto: {
            bodyArea: string | null;
            /** Format: uuid */
            caseId: string;
            faceVisible: boolean;
            /** Format: uuid */
            id: string;
            identifyingMarks: string[];
            /** @enum {string} */
            kind: "before" | "after" | "progress";
            original: components["schemas"]["OriginalDto"];
            /**
             * Format: uuid
             * @description The photo named as its pair when this one was uploaded.
             */
            pairedPhotoId: string | null;
            /** @description Photos of the case paired with this one, either way. */
            pairedWith: string[];
            /** @example P-7KQ2M */
            patientCode: string;
            /** Format: uuid */
            patientId: string;
            /** @description 64-bit difference hash, 16 hex digits. */
            perceptualHash: string;
            /** Format: date-time */
            takenAt: string | null;
            thumb: components["schemas"]["RenditionDto"];
            /**
             * Format: uri-reference
             * @example /api/v1/photos/4b1d2c3e-5f60-4a7b-8c9d-0e1f2a3b4c5d/renditions/thumb
             */
            thumbUrl: string;
            /** Format: date-time */
            uploadedAt: string;
            /** @description View or angle. */
            view: string | null;
            web: components["schemas"]["RenditionDto"];
        };
        PhotoSummaryDto: {
            bodyArea: string | null;
            faceVisible: boolean;
            /** Format: uuid */
            id: string;
            identifyingMarks: string[];
            /** @enum {string} */
            kind: "before" | "after" | "progress";
            /**
             * Format: uuid
             * @description The photo named as its pair when this one was uploaded.
             */
            pairedPhotoId: string | null;
            /** Format: date-time */
            takenAt: string | null;
            /**
             * Format: uri-reference
             * @example /api/v1/photos/4b1d2c3e-5f60-4a7b-8c9d-0e1f2a3b4c5d/renditions/thumb
             */
            thumbUrl: string;
            /** Format: date-time */
            uploadedAt: string;
            /** @description View or angle. */
            view: string | null;
        };
        PhotoUploadMetadataDto: {
            /**
             * @description The anatomical area shown.
             * @example nose
             */
            bodyArea?: string;
            /**
             * @description Whether the patient's face can be seen.
             * @example false
             */
            faceVisible: boolean;
            /**
             * @description Marks that could identify the patient, such as tattoos (1 to 200 characters each).
             * @example [
             *       "tattoo, left forearm"
             *     ]
             */
            identifyingMarks?: string[];
            /**
             * @description A before photo pairs with an after or progress photo of the same case.
             * @example before
             * @enum {string}
             */
            kind: "before" | "after" | "progress";
            /**
             * Format: uuid
             * @description The photo of the same case this one pairs with: a before for an after, or the reverse.
             */
            pairedWithPhotoId?: string;
            /**
             * Format: date-time
             * @description When the photo was taken, with its time zone.
             * @example 2026-03-02T09:30:00Z
             */
            takenAt?: string;
            /**
             * @description View or angle.
             * @example front
             */
            view?: string;
        };
        PlaceHoldDto: {
            /**
             * @description The patient's photos to hold; omitted, every photo of the patient, including later uploads.
             * @example [
             *       "3c9e7b1a-5f24-4d8e-b0a6-9e2f7c41d853"
             *     ]
             */
            photoIds?: string[];
            /**
             * @description Why the hold is placed, kept on the hold for those who read holds (clearance answers say only that the photo is on hold, since when).
             * @example Revocation request by phone, identity being verified
             */
            reason: string;
        };
        PortalAccessAnswerDto: {
            /**
             * @description What happens next, for the patient to read; the same whether or not anything matched.
             * @example If these details match our records, a sign-in link is on its way to the email address on file. It works once, for a short time.
             */
            message: string;
        };
        PortalAccessDto: {
            /**
             * Format: date
             * @description The patient’s date of birth.
             * @example 1990-04-17
             */
            dateOfBirth: string;
            /**
             * Format: email
             * @description The email address the clinic has on file (the patient’s, or their guardian’s).
             * @example jane.roe@example.com
             */
            email: string;
        };
        PortalCaseDto: {
            /** Format: date-time */
            completedAt: string | null;
            /**
             * Format: date-time
             * @description By when everything must be down.
             */
            dueAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            openedAt: string;
            /**
             * @description Tasks done or settled, of all.
             * @example 2 of 3 done
             */
            progress: string;
            /** @enum {string} */
            status: "open" | "completed";
            tasks: components["schemas"]["PortalTaskDto"][];
        };
        PortalOverviewDto: {
            /** @description Your reference at the clinic. */
            code: string;
            photos: components["schemas"]["PortalPhotoDto"][];
            releases: components["schemas"]["PortalReleaseDto"][];
            removalCases: components["schemas"]["PortalCaseDto"][];
            /** @description Your withdrawals, newest first. */
            revocations: components["schemas"]["PortalReceiptDto"][];
        };
        PortalPhotoDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "before" | "after" | "progress";
            /** @description Where the photo is or was published. */
            publications: components["schemas"]["PortalPublicationDto"][];
            /** Format: date-time */
            takenAt: string | null;
            /**
             * @description Its thumbnail: a path on this service, fetched with the session.
             * @example /api/v1/portal/photos/3f1c2a9e-6b7d-4e21-9a0c-5d8e7f6a1b23/thumbnail
             */
            thumbnailUrl: string;
            /** @description The view or angle, e.g. "front", if recorded. */
            view: string | null;
        };
        PortalPublicationDto: {
            channel: components["schemas"]["Channel"];
            /** Format: uuid */
            id: string;
            /** @description Where it appears, in words. */
            location: string;
            /** Format: date-time */
            publishedAt: string;
            /** @enum {string} */
            status: "live" | "removal_pending" | "removed" | "not_removable";
            /** Format: date-time */
            statusChangedAt: string;
            /** @description Its address, when it has one. */
            url: string | null;
        };
        PortalReceiptDto: {
            /** Format: uuid */
            id: string;
            /** @description What was withdrawn, in plain words. */
            inWords: string;
            /** @description The sealed receipt (PDF) of a withdrawal made in the portal; null for one made at the clinic. */
            receiptUrl: string | null;
            /**
             * Format: date-time
             * @description When the request took effect.
             */
            receivedAt: string;
            /**
             * @description How the withdrawal reached the clinic.
             * @enum {string}
             */
            receivedVia: "portal" | "email" | "phone" | "in_person" | "mail";
            /**
             * Format: uuid
             * @description The removal case the withdrawal opened, if any.
             */
            removalCaseId: string | null;
        };
        PortalReleaseDto: {
            /**
             * @description Your copy of the signed form: a path on this service, fetched with the session.
             * @example /api/v1/portal/releases/0b6f3c1e-2a4d-4c8e-9f17-5e3d2c1b0a98/document
             */
            documentUrl: string;
            /** @description The event that ends the release, if it names one. Left out for callers without `patients.read`. */
            expirationEvent?: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /**
             * Format: uuid
             * @description The current version of the release.
             */
            id: string;
            /** @description What you allowed and did not, in plain words. */
            inWords: string[];
            /** Format: date-time */
            revokedAt: string | null;
            /** Format: date-time */
            signedAt: string;
            /**
             * @description `narrowed`: still in force, but you withdrew part of it (see `inWords`). `not_valid`: the signed form lacks something a valid authorization needs, so the clinic may not use your photos under it.
             * @enum {string}
             */
            status: "active" | "revoked" | "expired" | "narrowed" | "not_valid";
            version: number;
        };
        PortalRevocationDto: {
            /**
             * @description The language of the receipt’s words.
             * @default en
             * @enum {string}
             */
            language: "en" | "es";
            /**
             * @description What to withdraw: `{ "kind": "everything" }`, `{ "kind": "channels", "channels": ["social"] }`, or `{ "kind": "photos", "photoIds": [...] }` (your own photos).
             * @example {
             *       "kind": "channels",
             *       "channels": [
             *         "social"
             *       ]
             *     }
             */
            scope: components["schemas"]["RevocationScopeDto"];
        };
        PortalSessionDto: {
            /**
             * Format: date-time
             * @description When the session ends at the latest.
             */
            expiresAt: string;
            /** @description Bearer token for the /portal routes (`pcs_p_…`). */
            token: string;
        };
        PortalSessionRequestDto: {
            /**
             * @description The token from the mailed link (after `#token=`).
             * @example pcs_l_Xk3q9vT2mB8wR1nJ5yH7cF0dL4sA6gE2pZ8uQ3iO1tV
             */
            token: string;
        };
        PortalTaskDto: {
            channel: components["schemas"]["Channel"];
            /** Format: date-time */
            completedAt: string | null;
            /** @description Where the publication appears, in words. */
            location: string;
            /** @description Why it could not come down. Left out for callers without `patients.read`. */
            notRemovableReason?: string | null;
            /** @enum {string} */
            status: "open" | "done" | "not_removable_requested" | "not_removable";
        };
        /** @description RFC 9457 problem details. `code` is stable and is what a client branches on; `detail` is a sentence for a person and may change. Some codes add members of their own (e.g. `errors`, `reasons`, `retryAfterSeconds`). */
        Problem: {
            /** @description For `removal_not_confirmed`: the URL check that did not confirm the removal. */
            check?: {
                [key: string]: unknown;
            };
            /**
             * @example not_found
             * @enum {string}
             */
            code: "bad_request" | "validation_failed" | "malformed_body" | "invalid_encoding" | "json_too_deep" | "json_list_too_long" | "json_object_too_large" | "payload_too_large" | "unsupported_media_type" | "not_found" | "method_not_allowed" | "not_acceptable" | "conflict" | "gone" | "length_required" | "unprocessable" | "internal_error" | "unavailable" | "not_ready" | "console_not_built" | "unauthenticated" | "invalid_token" | "session_expired" | "invalid_credentials" | "totp_required" | "totp_invalid" | "portal_link_invalid" | "forbidden" | "staff_only" | "patients_only" | "csrf_failed" | "totp_enrolment_required" | "wrong_current_password" | "too_many_attempts" | "too_many_requests" | "rate_limited" | "totp_already_enrolled" | "totp_not_enrolled" | "email_taken" | "own_account" | "last_admin" | "idempotency_key_invalid" | "idempotency_key_reused" | "idempotency_in_progress" | "idempotency_not_supported" | "multipart_required" | "malformed_multipart" | "unexpected_form_field" | "too_many_files" | "metadata_too_large" | "file_too_large" | "empty_file" | "unsupported_file_type" | "heic_not_supported" | "image_unreadable" | "image_too_many_pixels" | "image_too_small_to_compare" | "document_incomplete" | "uploads_busy" | "mrn_taken" | "patient_changed" | "photos_not_found" | "invalid_pairing" | "duplicate_photo" | "witness_required" | "release_superseded" | "hold_already_lifted" | "form_changed" | "signing_request_closed" | "signing_request_expired" | "signing_link_invalid" | "identity_not_proven" | "publication_not_cleared" | "hosting_not_available" | "release_changing" | "url_not_allowed" | "media_gone" | "range_not_satisfiable" | "releases_not_found" | "publication_cleared" | "no_release_on_record" | "removal_task_state" | "removal_not_confirmed" | "evidence_required" | "assignee_not_eligible" | "unknown_channel" | "link_invalid" | "object_not_found";
            /**
             * Format: uuid
             * @description For `release_superseded`: the current version, to act on instead.
             */
            currentReleaseId?: string | null;
            /** @example The patient was not found. */
            detail: string;
            /** @description For `validation_failed`: what is wrong with each field. */
            errors?: components["schemas"]["ProblemFieldError"][];
            /**
             * Format: uuid
             * @description For `duplicate_photo`: the case of that photo.
             */
            existingCaseId?: string;
            /**
             * Format: uuid
             * @description For `duplicate_photo`: the photo already holding this image.
             */
            existingPhotoId?: string;
            /**
             * @description The request path, without its query.
             * @example /api/v1/patients/…
             */
            instance: string;
            /** @description For `file_too_large`: the limit for this kind of file. */
            maxBytes?: number;
            /** @description For `photos_not_found`: the photos named that do not exist (or are not the patient’s). */
            photoIds?: string[];
            /** @description For `releases_not_found`: the releases named that are not the patient’s. */
            releaseIds?: string[];
            /** @description The same as the `X-Request-Id` header. */
            requestId: string;
            /** @description For `too_many_attempts`, `too_many_requests`, `rate_limited`, `uploads_busy`: as `Retry-After`. */
            retryAfterSeconds?: number;
            /** @example 404 */
            status: number;
            /** @description For `removal_task_state`: the task’s status now. */
            taskStatus?: string;
            /**
             * @description The HTTP status phrase.
             * @example Not Found
             */
            title: string;
            /**
             * @description `urn:photo-consent:problem:<code>`.
             * @example urn:photo-consent:problem:not_found
             */
            type: string;
            /**
             * Format: uuid
             * @description For `assignee_not_eligible`: the user who cannot take the task.
             */
            userId?: string;
        } & {
            [key: string]: unknown;
        };
        ProblemFieldError: {
            /** @description The field’s path, e.g. `guardian.fullName`. */
            field: string;
            messages: string[];
        };
        PublicationDto: {
            channel: components["schemas"]["Channel"];
            /** @description Whether consent cleared the use when it was published, as well as when recorded; null for a publication recorded before this was decided. */
            clearedWhenPublished: boolean | null;
            /** Format: date-time */
            createdAt: string;
            faceShown: boolean;
            /** @description Whether the service serves the photo at `mediaUrl`. */
            hosted: boolean;
            /** @description For a publication found after a revocation: how it came to light (identified free text). Left out for callers without `patients.read`. */
            howFound?: string | null;
            /** Format: uuid */
            id: string;
            /** @description Where it appears; may be all null for a hosted one. */
            location: components["schemas"]["PublicationLocationViewDto"];
            marksObscured: boolean;
            /**
             * Format: uri
             * @description The public URL of a hosted publication (GET /m/{token}); null when not hosted.
             */
            mediaUrl: string | null;
            nameShown: boolean;
            paid: boolean;
            /** @example P-7KQ2M */
            patientCode: string;
            /** Format: uuid */
            photoId: string;
            /**
             * Format: date-time
             * @description When it went live.
             */
            publishedAt: string;
            /**
             * Format: uuid
             * @description The staff member who recorded it; null when an API key or the service did.
             */
            publishedByUserId: string | null;
            /**
             * Format: uuid
             * @description The release version that cleared the use when recorded.
             */
            releaseId: string;
            /** @enum {string} */
            status: "live" | "removal_pending" | "removed" | "not_removable";
            /** Format: date-time */
            statusChangedAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PublicationLocationDto: {
            /**
             * @description The campaign the photo is part of.
             * @example Spring 2026 newsletter
             */
            campaign?: string | null;
            /**
             * @description The network's id of the post.
             * @example C8x1Lq0MZ3b
             */
            postId?: string | null;
            /**
             * @description The printed piece and its run.
             * @example Brochure B-12, 2,000 copies
             */
            printRun?: string | null;
            /**
             * Format: uri
             * @description The http(s) address where the photo appears.
             * @example https://clinic.example/gallery/rhinoplasty
             */
            url?: string | null;
        };
        PublicationLocationViewDto: {
            campaign: string | null;
            postId: string | null;
            printRun: string | null;
            /** Format: uri */
            url: string | null;
        };
        PublicationPageDto: {
            items: components["schemas"]["PublicationDto"][];
            /** @description Pass as `before` for the next page. */
            nextCursor: string | null;
        };
        PublishFormTemplateDto: {
            /** @example Riverside Aesthetics */
            clinicName: string;
            /** @description The wording in each language the form is offered in: at least one, each complete. */
            wording: components["schemas"]["FormTranslationsDto"];
        };
        ReadinessChecksDto: {
            /**
             * @description Whether PostgreSQL answered a query within 2 seconds.
             * @enum {string}
             */
            database: "up" | "down";
            /**
             * @description Whether the object store (local disk or S3) answered within 2 seconds.
             * @enum {string}
             */
            objectStore: "up" | "down";
        };
        ReadinessDto: {
            checks: components["schemas"]["ReadinessChecksDto"];
            /** @enum {string} */
            status: "ok";
        };
        ReleaseDto: {
            /** @description Why this version amended the one before; null for 1. Left out for callers without `patients.read`. */
            amendmentReason?: string | null;
            /** @description The cases covered; empty when it covers all. */
            caseIds: string[];
            /** @description Every element of the 164.508(c) checklist passes. */
            checklistComplete: boolean;
            conditioningStatement: boolean;
            copyProvidedToSigner: boolean;
            coversAllCases: boolean;
            /** @description Left out for callers without `patients.read`. */
            disclosingParty?: string | null;
            document: components["schemas"]["SignedDocumentDto"];
            /** @description Left out for callers without `patients.read`. */
            expirationEvent?: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            formTemplate: string;
            formVersion: string;
            /** Format: uuid */
            id: string;
            /** @description Left out for callers without `patients.read`. */
            informationDescription?: string | null;
            /** @example P-7KQ2M */
            patientCode: string;
            /** Format: uuid */
            patientId: string;
            /** @description Left out for callers without `patients.read`. */
            purpose?: string | null;
            /** @description Left out for callers without `patients.read`. */
            recipients?: string | null;
            /** Format: date-time */
            recordedAt: string;
            redisclosureStatement: boolean;
            /**
             * Format: uuid
             * @description The revocation that revoked it.
             */
            revocationId: string | null;
            /**
             * Format: date-time
             * @description When the patient revoked this version outright (the request was received); null while not revoked.
             */
            revokedAt: string | null;
            rightToRevokeStatement: boolean;
            scope: components["schemas"]["ScopeViewDto"];
            /**
             * Format: uuid
             * @description Shared by every version of this authorization.
             */
            seriesId: string;
            /** Format: date-time */
            signedAt: string;
            signedBy: components["schemas"]["SignedByViewDto"];
            standing: components["schemas"]["ReleaseStandingDto"];
            /** @enum {string} */
            status: "current" | "superseded";
            /** Format: date-time */
            supersededAt: string | null;
            /**
             * Format: uuid
             * @description The version this one amended.
             */
            supersedesId: string | null;
            treatmentConditionedOnSigning: boolean;
            /** @description 1 for the release as first signed. */
            version: number;
            /** @description Every version of this authorization, newest first. */
            versions: components["schemas"]["ReleaseVersionDto"][];
            witness: components["schemas"]["WitnessDto"];
        };
        ReleaseEndingDto: {
            /**
             * Format: date-time
             * @description When it was superseded, expired or revoked.
             */
            at: string;
            /** @enum {string} */
            cause: "superseded" | "expired" | "revoked";
            /**
             * Format: uuid
             * @description The revocation, for `revoked`.
             */
            revocationId: string | null;
        };
        ReleaseFormPreviewDto: {
            /** @description The cases covered, all the patient's. Give this or coversAllCases. */
            caseIds?: string[];
            /**
             * @description Covers every case of the patient, now and later. Give this (true) or caseIds.
             * @example true
             */
            coversAllCases?: boolean;
            /**
             * @description 164.508(c)(1)(ii): who is authorized to make the disclosure.
             * @example Example Aesthetic Clinic
             */
            disclosingParty?: string;
            /** @description 164.508(c)(1)(v): or the event on which it expires. */
            expirationEvent?: string;
            /**
             * Format: date-time
             * @description 164.508(c)(1)(v): expiry date; after signedAt. This or expirationEvent.
             * @example 2028-03-02T00:00:00Z
             */
            expiresAt?: string;
            /**
             * @description 164.508(c)(1)(i): the information to be used or disclosed.
             * @example Before and after photos of my rhinoplasty, without my name.
             */
            informationDescription?: string;
            /**
             * @description The language the patient reads it in.
             * @enum {string}
             */
            language: "en" | "es";
            /**
             * @description 164.508(c)(1)(iv): the purpose of the disclosure.
             * @example Marketing of the clinic's services
             */
            purpose?: string;
            /**
             * @description 164.508(c)(1)(iii): to whom the clinic may disclose.
             * @example Visitors to the clinic's website and social media accounts
             */
            recipients?: string;
            /** @description What the release allows. */
            scope: components["schemas"]["ScopeDto"];
            /** @description Under 18 on the signing day, a guardian must sign. */
            signedBy: components["schemas"]["SignedByDto"];
            /**
             * Format: uuid
             * @description The version of the form template to word it in.
             */
            templateId: string;
        };
        ReleaseMetadataDto: {
            /** @description The cases covered, all the patient's. Give this or coversAllCases. */
            caseIds?: string[];
            /**
             * @description 164.508(c)(2)(ii): the form states whether treatment is conditioned on signing.
             * @example true
             */
            conditioningStatement: boolean;
            /**
             * @description 164.508(c)(4): the signer was given a copy.
             * @example true
             */
            copyProvidedToSigner: boolean;
            /**
             * @description Covers every case of the patient, now and later. Give this (true) or caseIds.
             * @example true
             */
            coversAllCases?: boolean;
            /**
             * @description 164.508(c)(1)(ii): who is authorized to make the disclosure.
             * @example Example Aesthetic Clinic
             */
            disclosingParty?: string;
            /** @description 164.508(c)(1)(v): or the event on which it expires. */
            expirationEvent?: string;
            /**
             * Format: date-time
             * @description 164.508(c)(1)(v): expiry date; after signedAt. This or expirationEvent.
             * @example 2028-03-02T00:00:00Z
             */
            expiresAt?: string;
            /** @example Photo release (website and social) */
            formTemplate: string;
            /** @example 2026-01 */
            formVersion: string;
            /**
             * @description 164.508(c)(1)(i): the information to be used or disclosed.
             * @example Before and after photos of my rhinoplasty, without my name.
             */
            informationDescription?: string;
            /**
             * @description 164.508(c)(1)(iv): the purpose of the disclosure.
             * @example Marketing of the clinic's services
             */
            purpose?: string;
            /**
             * @description 164.508(c)(1)(iii): to whom the clinic may disclose.
             * @example Visitors to the clinic's website and social media accounts
             */
            recipients?: string;
            /**
             * @description 164.508(c)(2)(iii): the form states the information may be redisclosed.
             * @example true
             */
            redisclosureStatement: boolean;
            /**
             * @description 164.508(c)(2)(i): the form states the right to revoke and how.
             * @example true
             */
            rightToRevokeStatement: boolean;
            /** @description What the release allows. */
            scope: components["schemas"]["ScopeDto"];
            /**
             * Format: date-time
             * @description When the form was signed, with its time zone; not in the future. The patient’s age on that day (the clinic’s calendar) decides who may sign.
             * @example 2026-03-02T15:30:00Z
             */
            signedAt: string;
            /** @description Under 18 on the signing day, a guardian must sign. */
            signedBy: components["schemas"]["SignedByDto"];
            /**
             * @description Whether treatment was conditioned on signing. It must not be.
             * @example false
             */
            treatmentConditionedOnSigning: boolean;
            /**
             * Format: uuid
             * @description The active staff member who witnessed the signature; defaults to you.
             */
            witnessUserId?: string;
        };
        ReleaseNarrowingDto: {
            /** @description The channels withdrawn. */
            channels: components["schemas"]["Channel"][];
            /**
             * @description A withdrawal of channels or of photos.
             * @enum {string}
             */
            kind: "channels" | "photos";
            /** @description The photos withdrawn among those it covers. */
            photoIds: string[];
            /** Format: date-time */
            receivedAt: string;
            /** Format: uuid */
            revocationId: string;
        };
        ReleaseStandingDto: {
            /** @description What 45 CFR 164.508(c) needs that the signed form lacks. */
            defects: string[];
            /** @description What ended it, in the order of the rule. */
            ended: components["schemas"]["ReleaseEndingDto"][];
            /** @description The withdrawals that narrow it, oldest first. */
            narrowings: components["schemas"]["ReleaseNarrowingDto"][];
            /** @description Where the version stands now, as the clearance rule judges it: `ended` (superseded, expired or revoked), `defective` (the signed form is no valid authorization: nothing is cleared under it), `narrowed` (in force, with channels or photos withdrawn), `in_force`, or `not_yet_signed`. */
            state: components["schemas"]["ReleaseState"];
        };
        /**
         * @description Where the version stands now, as the clearance rule judges it: `ended` (superseded, expired or revoked), `defective` (the signed form is no valid authorization: nothing is cleared under it), `narrowed` (in force, with channels or photos withdrawn), `in_force`, or `not_yet_signed`.
         * @enum {string}
         */
        ReleaseState: "not_yet_signed" | "ended" | "defective" | "narrowed" | "in_force";
        ReleaseVersionDto: {
            /** @description Why this version amended the one before; null for 1. Left out for callers without `patients.read`. */
            amendmentReason?: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            recordedAt: string;
            /**
             * Format: uuid
             * @description The revocation that revoked it.
             */
            revocationId: string | null;
            /**
             * Format: date-time
             * @description When the patient revoked this version outright (the request was received); null while not revoked.
             */
            revokedAt: string | null;
            /** Format: date-time */
            signedAt: string;
            /** @enum {string} */
            status: "current" | "superseded";
            /** Format: date-time */
            supersededAt: string | null;
            /** @description 1 for the release as first signed. */
            version: number;
        };
        RemoteSignatureDto: {
            /** @description The signer agreed to sign electronically (the form’s ESIGN/UETA disclosure). */
            electronicSignatureConsent: boolean;
            /** @description A guardian affirms they are the relationship the form names and have authority to sign for the patient. Required when a guardian signs. */
            guardianAttestation?: boolean;
            /** @description The `proof` the link’s opening gave. */
            proof: string;
            /** @description The `sha256` of the form the signer was shown. */
            shownSha256: string;
            signature: components["schemas"]["SignatureDrawingDto"];
            /** @description The token of the mailed link. */
            token: string;
            /** @description The signer types their full name, as the form names them. */
            typedName: string;
        };
        RemovalCaseDto: {
            /** Format: date-time */
            completedAt: string | null;
            /**
             * Format: date-time
             * @description The deadline: REMOVAL_DEADLINE_DAYS (30 by default) after the request was received, the release expired, the narrowing version was signed or the date of birth was corrected.
             */
            dueAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            openedAt: string;
            /**
             * @description What opened it: a revocation, a release that expired, a release version that narrowed consent, or a corrected date of birth.
             * @enum {string}
             */
            origin: "revocation" | "release_expiry" | "release_narrowed" | "date_of_birth_corrected";
            /** @description Open past its deadline. */
            overdue: boolean;
            /** @description The patient's pseudonymous code. */
            patientCode: string;
            /** Format: uuid */
            patientId: string;
            progress: components["schemas"]["RemovalProgressDto"];
            /**
             * Format: uuid
             * @description For origins `release_expiry` and `release_narrowed`.
             */
            releaseId: string | null;
            /**
             * Format: uuid
             * @description For origin `revocation`.
             */
            revocationId: string | null;
            /** @enum {string} */
            status: "open" | "completed";
            /** @description One per publication, oldest first. */
            tasks: components["schemas"]["RemovalTaskDto"][];
        };
        RemovalCasePageDto: {
            /** @description Soonest deadline first. */
            items: components["schemas"]["RemovalCaseSummaryDto"][];
            /** @description Send as `before` for the next page; null on the last. */
            nextCursor: string | null;
        };
        RemovalCaseSummaryDto: {
            /** Format: date-time */
            completedAt: string | null;
            /**
             * Format: date-time
             * @description The deadline: REMOVAL_DEADLINE_DAYS (30 by default) after the request was received, the release expired, the narrowing version was signed or the date of birth was corrected.
             */
            dueAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            openedAt: string;
            /**
             * @description What opened it: a revocation, a release that expired, a release version that narrowed consent, or a corrected date of birth.
             * @enum {string}
             */
            origin: "revocation" | "release_expiry" | "release_narrowed" | "date_of_birth_corrected";
            /** @description Open past its deadline. */
            overdue: boolean;
            /** @description The patient's pseudonymous code. */
            patientCode: string;
            /** Format: uuid */
            patientId: string;
            progress: components["schemas"]["RemovalProgressDto"];
            /**
             * Format: uuid
             * @description For origins `release_expiry` and `release_narrowed`.
             */
            releaseId: string | null;
            /**
             * Format: uuid
             * @description For origin `revocation`.
             */
            revocationId: string | null;
            /** @enum {string} */
            status: "open" | "completed";
        };
        RemovalProgressDto: {
            /** @description Taken down, with evidence. */
            done: number;
            /** @description Approved to stay up. */
            notRemovable: number;
            /** @description Open or waiting for approval. */
            open: number;
            /** @description Tasks in the case. */
            tasks: number;
        };
        RemovalReportDto: {
            /** @description Of those, completed. */
            closed: number;
            /** @description Completed by their deadline. */
            closedWithinDeadline: number;
            /** @description Days from when the case's clock started (the request, the expiry, the narrowing version's signing or the correction) to completion, over the completed cases. */
            daysToClose: components["schemas"]["DaysToCloseDto"];
            /**
             * Format: date-time
             * @description Start of the period (inclusive).
             */
            from: string;
            /** Format: date-time */
            generatedAt: string;
            /** @description Of those, still open. */
            open: number;
            /** @description Cases opened in the period. */
            opened: number;
            /** @description Of those, open past their deadline. */
            overdue: number;
            /** @description closedWithinDeadline / closed, 0 to 1; null when no case closed. */
            shareClosedWithinDeadline: number | null;
            /**
             * Format: date-time
             * @description End of the period (exclusive).
             */
            to: string;
        };
        RemovalTaskDto: {
            /** Format: date-time */
            approvedAt: string | null;
            /** Format: uuid */
            approvedByUserId: string | null;
            /**
             * Format: uuid
             * @description Who works it; null: no owner yet.
             */
            assigneeUserId: string | null;
            campaign: string | null;
            /** Format: uuid */
            caseId: string;
            /** @description Where it is published. */
            channel: components["schemas"]["Channel"];
            /** Format: date-time */
            completedAt: string | null;
            /** Format: uuid */
            completedByUserId: string | null;
            /** @description What proves the takedown, by `evidenceKind`; null while the task is open. `service_hosted`: `{ publicUrlAnswers: 410, mediaToken }`, recorded by the service for a hosted photo. `attestation`: `{ statement, observedAt? }`. `screenshot`: `{ screenshotId, contentType, bytes, sha256, observedAt?, statement? }` (the file downloads from `screenshotUrl`). `url_check`: what the check saw: `{ outcome, passed, finding, url, imageUrl, checkedAt, response: { url, connectedTo, redirectedFrom, status, contentType, bytes, sha256 } | null, imagesCompared, imagesNotChecked: [{ url, why }], matchedImageUrl }`. `statement` is left out for callers without `patients.read`. */
            evidence: {
                [key: string]: unknown;
            } | null;
            /** @enum {string|null} */
            evidenceKind: "service_hosted" | "url_check" | "screenshot" | "attestation" | null;
            /** @description Served by the service, which took it down itself when the case opened. */
            hosted: boolean;
            /** Format: uuid */
            id: string;
            /** @description Why it cannot come down, once asked; left out for callers without `patients.read`. Left out for callers without `patients.read`. */
            notRemovableReason?: string | null;
            /**
             * Format: uuid
             * @description The photo it shows.
             */
            photoId: string;
            /** @description The network's id of the post. */
            postId: string | null;
            printRun: string | null;
            /**
             * Format: uuid
             * @description The publication to take down.
             */
            publicationId: string;
            /** @enum {string} */
            publicationStatus: "live" | "removal_pending" | "removed" | "not_removable";
            /**
             * Format: uri-reference
             * @description Where the screenshot the task was completed with downloads from; null for other evidence.
             * @example /api/v1/removal-tasks/0b6f1c2e-4d5a-4e8b-9c7d-1a2b3c4d5e6f/screenshot
             */
            screenshotUrl: string | null;
            /**
             * @description `open`: to be taken down; `not_removable_requested`: waiting for a privacy officer to approve leaving it up; `done` and `not_removable` are final.
             * @enum {string}
             */
            status: "open" | "done" | "not_removable_requested" | "not_removable";
            /**
             * Format: uri
             * @description Where the publication appears.
             */
            url: string | null;
        };
        RemovalWeekDto: {
            /** @description Cases completed in the week, whenever they were opened. */
            closed: number;
            /** @description Of those, completed by their deadline. */
            closedWithinDeadline: number;
            /** @description Cases opened in the week. */
            opened: number;
            /** @description closedWithinDeadline / closed, 0 to 1; null when no case closed in the week. */
            shareClosedWithinDeadline: number | null;
            /**
             * Format: date
             * @description The week's Monday on the clinic's calendar (CLINIC_TIME_ZONE), `YYYY-MM-DD`.
             * @example 2026-11-30
             */
            weekStart: string;
        };
        RemovalWeeklyReportDto: {
            /**
             * Format: date-time
             * @description Start of the period (inclusive).
             */
            from: string;
            /** Format: date-time */
            generatedAt: string;
            /**
             * @description The clinic's time zone, whose calendar the weeks follow.
             * @example America/New_York
             */
            timeZone: string;
            /**
             * Format: date-time
             * @description End of the period (exclusive).
             */
            to: string;
            /** @description Every week (Monday to Sunday) that overlaps the period, oldest first, weeks without cases included; the first and last count only what happened inside the period. */
            weeks: components["schemas"]["RemovalWeekDto"][];
        };
        RenderedFormDto: {
            clinicName: string;
            /** @enum {string} */
            language: "en" | "es";
            sections: components["schemas"]["RenderedFormSectionDto"][];
            /** @description SHA-256 (hex) of the form as rendered: what the patient is shown. */
            sha256: string;
            /**
             * Format: uuid
             * @description The template version it is worded in.
             */
            templateId: string;
            templateVersion: number;
            title: string;
        };
        RenderedFormSectionDto: {
            /** @description Empty for the introduction and the closing. */
            heading: string;
            /** @description The paragraphs, in order; they name the patient. Left out for callers without `patients.read`. */
            paragraphs?: string[];
        };
        RenditionDto: {
            /** @description Size of the stored rendition. */
            bytes: number;
            /**
             * @example image/jpeg
             * @enum {string}
             */
            contentType: "image/jpeg" | "image/webp";
            /** @description Pixels. */
            height: number;
            /**
             * Format: uri-reference
             * @description Where to get it, relative to the service.
             * @example /api/v1/photos/4b1d2c3e-5f60-4a7b-8c9d-0e1f2a3b4c5d/renditions/web
             */
            url: string;
            /** @description Pixels. */
            width: number;
        };
        RequesterDto: {
            /**
             * @description Required for a guardian or an authorized agent: the relationship or the agent's authority.
             * @example power of attorney
             */
            authority?: string;
            /**
             * @description Required for a guardian or an authorized agent: the requester's name.
             * @example Jordan Roe
             */
            fullName?: string;
            /**
             * @description Who asked.
             * @example authorized_agent
             * @enum {string}
             */
            type: "patient" | "guardian" | "authorized_agent";
        };
        RequesterViewDto: {
            /** @description The relationship or the agent's authority; null when none was given. Left out for callers without `patients.read`. */
            authority?: string | null;
            /** @description The requester's name; null when none was given (a patient asking for themselves). Left out for callers without `patients.read`. */
            fullName?: string | null;
            /** @enum {string} */
            type: "patient" | "guardian" | "authorized_agent";
        };
        RevocationDocumentDto: {
            /** @description Size in bytes. */
            bytes: number;
            /**
             * @description As judged from its bytes.
             * @enum {string}
             */
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            /** @description The uploader's file name. Left out for callers without `patients.read`. */
            fileName?: string | null;
            /** @description SHA-256 of the file, hex. */
            sha256: string;
            /**
             * Format: uri-reference
             * @description Where it downloads from (`GET /api/v1/revocations/{id}/document`).
             */
            url: string;
        };
        RevocationDto: {
            /** @description The written request, if one was attached; else null. */
            document: components["schemas"]["RevocationDocumentDto"] | null;
            /** Format: uuid */
            id: string;
            /** @description How the requester's identity was verified. Left out for callers without `patients.read`. */
            identityVerification?: string;
            /** @description Left out for callers without `patients.read`. */
            notes?: string | null;
            /** Format: uuid */
            patientId: string;
            /**
             * Format: date-time
             * @description The legal effective time.
             */
            receivedAt: string;
            /** @enum {string} */
            receivedVia: "portal" | "email" | "phone" | "in_person" | "mail";
            /** Format: date-time */
            recordedAt: string;
            /**
             * Format: uuid
             * @description The staff member who recorded it; null when the patient revoked in the portal.
             */
            recordedByUserId: string | null;
            /**
             * Format: uuid
             * @description The removal case it opened.
             */
            removalCaseId: string;
            requester: components["schemas"]["RequesterViewDto"];
            /** @description Release versions it revoked outright (for `everything`). */
            revokedReleaseIds: string[];
            scope: components["schemas"]["RevocationScopeViewDto"];
        };
        RevocationScopeDto: {
            /**
             * @description Required for `channels`, and only there: the channel prefixes withdrawn.
             * @example [
             *       "social"
             *     ]
             */
            channels?: components["schemas"]["Channel"][];
            /**
             * @description `everything`: the release ends; `channels`: those channels are withdrawn; `photos`: those photos are withdrawn from every use.
             * @example channels
             * @enum {string}
             */
            kind: "everything" | "channels" | "photos";
            /**
             * @description Required for `photos`, and only there: the patient's photos withdrawn.
             * @example [
             *       "3c9e7b1a-5f24-4d8e-b0a6-9e2f7c41d853"
             *     ]
             */
            photoIds?: string[];
            /**
             * @description For `everything` or `channels`: the patient's releases (any version's id) it applies to; omitted, every release of the patient.
             * @example [
             *       "9d2b6e14-0c7a-4f3e-8b51-2a6c4e8f0d97"
             *     ]
             */
            releaseIds?: string[];
        };
        RevocationScopeViewDto: {
            /** @description For `channels`: the channel prefixes withdrawn; else null. */
            channels: components["schemas"]["Channel"][] | null;
            /** @enum {string} */
            kind: "everything" | "channels" | "photos";
            /** @description For `photos`: the photos withdrawn; else null. */
            photoIds: string[] | null;
            /** @description The release series it applies to; null: every release of the patient. */
            releaseSeriesIds: string[] | null;
        };
        RightsReportDto: {
            /** @description Live publications whose use is no longer cleared, with why. */
            deniedLivePublications: components["schemas"]["DeniedPublicationDto"][];
            /** @description Releases expiring within the window while publications under them are live, soonest first. */
            expiringReleases: components["schemas"]["ExpiringReleaseDto"][];
            /** @description The window the expiring releases were looked for in. */
            expiringWithinDays: number;
            /** Format: date-time */
            generatedAt: string;
            /** @description Live publications recorded as found after the fact, whose use consent did not clear when they were published, with why it was not cleared then. */
            unclearedWhenPublished: components["schemas"]["DeniedPublicationDto"][];
        };
        ScopeDto: {
            /**
             * @description The channels granted; a channel covers its sub-channels (`social` covers `social.instagram`).
             * @example [
             *       "website",
             *       "social"
             *     ]
             */
            channels: components["schemas"]["Channel"][];
            /**
             * @description Sub-channels excluded from a granted channel; one may not take away a whole granted channel.
             * @example [
             *       "social.tiktok"
             *     ]
             */
            deniedChannels?: components["schemas"]["Channel"][];
            /**
             * @description Conferences, journals, teaching; needed to grant `education`.
             * @example false
             */
            educationalUseAllowed: boolean;
            /**
             * @description The patient's face may be shown.
             * @example false
             */
            faceAllowed: boolean;
            /**
             * @description The patient's name may be shown; false when left out.
             * @example false
             */
            nameAllowed?: boolean;
            /**
             * @description Identifying marks (tattoos, birthmarks) must be obscured in every use.
             * @example true
             */
            obscureIdentifyingMarks: boolean;
            /** @example false */
            paidAdvertisingAllowed: boolean;
        };
        ScopeViewDto: {
            channels: components["schemas"]["Channel"][];
            deniedChannels: components["schemas"]["Channel"][];
            educationalUseAllowed: boolean;
            faceAllowed: boolean;
            nameAllowed: boolean;
            obscureIdentifyingMarks: boolean;
            paidAdvertisingAllowed: boolean;
        };
        SessionDto: {
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description The latest the session can last.
             */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Last activity, recorded in steps of up to a minute; the idle timeout counts from it.
             */
            lastSeenAt: string;
            /** @description Whether a second-factor code was proved in this session. */
            totpVerified: boolean;
        };
        SetTaskOwnerDto: {
            /**
             * Format: uuid
             * @description An active staff member who works removal tasks (marketing or privacy officer).
             * @example 7a1e4c52-93d0-4b8f-a6e2-5c9d0f1b3e47
             */
            userId: string;
        };
        SignatureDrawingDto: {
            canvasHeight: number;
            /** @description The canvas width in CSS pixels. */
            canvasWidth: number;
            /** @description Each stroke as drawn: x0, y0, x1, y1, … in canvas pixels from the top left. */
            strokes: number[][];
        };
        SignatureDto: {
            /** @description The signer agreed to sign electronically (the form’s ESIGN/UETA disclosure). */
            electronicSignatureConsent: boolean;
            /** @description A guardian affirms they are the relationship the form names and have authority to sign for the patient. Required when a guardian signs. */
            guardianAttestation?: boolean;
            /** @description The `sha256` of the form the signer was shown. */
            shownSha256: string;
            signature: components["schemas"]["SignatureDrawingDto"];
            /** @description The signer types their full name, as the form names them. */
            typedName: string;
        };
        SignedByDto: {
            /**
             * @description What gives a guardian authority to sign (45 CFR 164.508(c)(1)(vi)); required when a guardian signs.
             * @example parent of a minor
             */
            authority?: string;
            /**
             * @description The signer's name; for the patient, defaults to the patient's name. Required when a guardian signs.
             * @example Jane Roe
             */
            fullName?: string;
            /**
             * @description Required when a guardian signs.
             * @enum {string}
             */
            relationship?: "parent" | "legal_guardian" | "healthcare_agent" | "other";
            /**
             * @description The patient, or a guardian for them.
             * @example patient
             * @enum {string}
             */
            signerType: "patient" | "guardian";
        };
        SignedByViewDto: {
            /** @description A guardian’s authority to sign; null for the patient. Left out for callers without `patients.read`. */
            authority?: string | null;
            /** @description Left out for callers without `patients.read`. */
            fullName?: string;
            /**
             * @description A guardian’s; null for the patient.
             * @enum {string|null}
             */
            relationship: "parent" | "legal_guardian" | "healthcare_agent" | "other" | null;
            /** @enum {string} */
            signerType: "patient" | "guardian";
        };
        SignedDocumentDto: {
            bytes: number;
            /** @enum {string} */
            contentType: "application/pdf" | "image/jpeg" | "image/png";
            /** @description The uploader's file name, sanitised. Left out for callers without `patients.read`. */
            fileName?: string | null;
            /** @description Hex SHA-256 of the signed form as stored. */
            sha256: string;
            /**
             * Format: uri-reference
             * @description Where to download it, relative to the service.
             * @example /api/v1/releases/0b6f1d2e-3c4a-4e5f-8a9b-7c6d5e4f3a2b/document
             */
            url: string;
        };
        SignedReleaseDto: {
            /**
             * Format: uuid
             * @description The release the signature recorded.
             */
            releaseId: string;
        };
        SigningLinkOpenDto: {
            /**
             * Format: date
             * @description The patient’s date of birth.
             * @example 1990-04-17
             */
            dateOfBirth: string;
            /** @description The token of the mailed link (`pcs_g_…`, after `#token=`). */
            token: string;
        };
        SigningLinkOpenedDto: {
            form: components["schemas"]["RenderedFormDto"];
            /** @enum {string} */
            language: "en" | "es";
            /** @description The proof of identity a signature through this link must carry (`pcs_v_…`). */
            proof: string;
            /** Format: date-time */
            proofExpiresAt: string;
            signer: components["schemas"]["SignedByViewDto"];
        };
        SigningRequestDto: {
            /**
             * Format: uuid
             * @description The release version it amends.
             */
            amendsReleaseId: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The staff member who made the request.
             */
            createdByUserId: string;
            /** @enum {string} */
            delivery: "desk" | "mail";
            /** Format: date-time */
            expiresAt: string;
            /** @description The form as it reads now; its `sha256` is what a signature must name. null once it cannot be signed. */
            form: components["schemas"]["RenderedFormDto"] | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            language: "en" | "es";
            patientCode: string;
            /** Format: uuid */
            patientId: string;
            /**
             * Format: uuid
             * @description The release the signature recorded.
             */
            releaseId: string | null;
            /** Format: date-time */
            signedAt: string | null;
            /** @description Who signs: `fullName` is the name the signer types, as the form gives it. */
            signer: components["schemas"]["SignedByViewDto"];
            /** @description `expired`: still unsigned after `expiresAt`; it can no longer be signed. */
            status: components["schemas"]["SigningRequestState"];
            /**
             * Format: uuid
             * @description The form template version.
             */
            templateId: string;
        };
        SigningRequestListDto: {
            items: components["schemas"]["SigningRequestSummaryDto"][];
        };
        /**
         * @description `expired`: still unsigned after `expiresAt`; it can no longer be signed.
         * @enum {string}
         */
        SigningRequestState: "pending" | "signed" | "cancelled" | "expired";
        SigningRequestSummaryDto: {
            /**
             * Format: uuid
             * @description The release version it amends.
             */
            amendsReleaseId: string | null;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description The staff member who made the request.
             */
            createdByUserId: string;
            /** @enum {string} */
            delivery: "desk" | "mail";
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            language: "en" | "es";
            patientCode: string;
            /** Format: uuid */
            patientId: string;
            /**
             * Format: uuid
             * @description The release the signature recorded.
             */
            releaseId: string | null;
            /** Format: date-time */
            signedAt: string | null;
            /** @description `expired`: still unsigned after `expiresAt`; it can no longer be signed. */
            status: components["schemas"]["SigningRequestState"];
            /**
             * Format: uuid
             * @description The form template version.
             */
            templateId: string;
        };
        /**
         * @description The role, which decides the permissions.
         * @enum {string}
         */
        StaffRole: "front_desk" | "marketing" | "privacy_officer" | "admin";
        TaskEvidenceDto: {
            /**
             * Format: uri
             * @description For a URL check: the address the image was published under, if known. The check fails while the page still refers to it, besides comparing every image on the page with the photo.
             * @example https://clinic.example/uploads/2026/05/before-after-12.jpg
             */
            imageUrl?: string;
            /**
             * @description `attestation`: a written statement; `screenshot`: the image sent as the `screenshot` file; `url_check`: the service fetches the URL itself and completes the task only if it answers 404/410 or no longer shows the photo (compared by fingerprint). A check that does not confirm the removal answers 422 with its findings.
             * @example attestation
             * @enum {string}
             */
            kind: "attestation" | "screenshot" | "url_check";
            /**
             * Format: date-time
             * @description When the removal was seen (attestation, screenshot).
             * @example 2026-11-30T15:10:00Z
             */
            observedAt?: string;
            /**
             * @description Required for an attestation: what was removed, where and how it was confirmed. Optional with a screenshot.
             * @example Deleted the Instagram post C1 and checked the profile grid
             */
            statement?: string;
        };
        TaskOwnerDto: {
            /** @description A channel code; a prefix (`social`) covers the channels under it that have no owner of their own. */
            channel: components["schemas"]["Channel"];
            /** @description The staff member's name. */
            displayName: string;
            /**
             * Format: date-time
             * @description When the owner was last set.
             */
            updatedAt: string;
            /**
             * Format: uuid
             * @description The staff member who gets its new tasks.
             */
            userId: string;
        };
        TotpCodeDto: {
            /**
             * @description The 6 digits the authenticator app shows.
             * @example 492817
             */
            code: string;
        };
        TotpEnrolmentDto: {
            /**
             * Format: uri
             * @description `otpauth://totp/…` URI, for a QR code.
             */
            otpauthUri: string;
            /** @description Base32 secret, for typing into an authenticator app. */
            secret: string;
        };
        TotpVerifiedDto: {
            /**
             * Format: date-time
             * @description When the second factor was first confirmed.
             */
            enrolledAt: string;
        };
        UpdatePatientDto: {
            /**
             * Format: email
             * @description `null` clears it. A change ends open portal links and sessions.
             */
            contactEmail?: string | null;
            /** @description `null` clears it. */
            contactPhone?: string | null;
            /**
             * Format: date
             * @description A correction; it changes who may sign the patient’s releases and ends open portal links.
             */
            dateOfBirth?: string;
            /** @example Jane Roe-Smith */
            fullName?: string;
            /** @description Replaces the guardian as a whole; `null` removes it, only once the patient is 18. A changed guardian of a minor needs contactEmail or contactPhone. */
            guardian?: components["schemas"]["GuardianInputDto"] | null;
            /** @description The clinic's medical record number; unique. `null` clears it. */
            mrn?: string | null;
            /** @description `null` clears it. */
            postalAddress?: string | null;
        };
        UpdatePublicationDto: {
            /**
             * @description The location fields to change; a field left out stays as it is, null clears it.
             * @example {
             *       "url": "https://clinic.example/results/rhinoplasty-2026",
             *       "postId": null
             *     }
             */
            location: components["schemas"]["PublicationLocationDto"];
        };
        UpdateUserDto: {
            /**
             * @description false disables the account and ends its sessions at once; true enables it again. Not on your own account.
             * @example true
             */
            active?: boolean;
            /** @example Jane Roe-Whitfield */
            displayName?: string;
            /**
             * @description A new password, under the same rules as at creation; ends the user’s sessions at once.
             * @example Granite-Willow-Beacon-5280
             */
            password?: string;
            /**
             * @description true removes the second factor (a lost device) and ends the sessions; the user enrols again.
             * @example false
             */
            resetTotp?: boolean;
            /**
             * @description Not on your own account (409 `own_account`).
             * @example privacy_officer
             */
            role?: components["schemas"]["StaffRole"];
        };
        UserDto: {
            /** @description false: the account is disabled and cannot sign in. */
            active: boolean;
            /** Format: date-time */
            createdAt: string;
            /** @description The name shown to other staff. */
            displayName: string;
            /**
             * Format: email
             * @description The sign-in address, in lower case.
             */
            email: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            passwordChangedAt: string;
            /** @description The role, which decides the permissions. */
            role: components["schemas"]["StaffRole"];
            /** @description Whether a second factor is set up (enrolled and confirmed). */
            totpEnabled: boolean;
            /** Format: date-time */
            updatedAt: string;
        };
        WitnessDto: {
            displayName: string;
            /** Format: uuid */
            userId: string;
        };
    };
    responses: {
        /** @description - `bad_request`: The request is not valid HTTP for this route. */
        "400_bad_request": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "bad_request";
                };
            };
        };
        /**
         * @description - `bad_request`: The request is not valid HTTP for this route.
         *     - `empty_file`: The file is empty.
         *     - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.
         *     - `invalid_encoding`: The body is not valid UTF-8.
         *     - `json_list_too_long`: A JSON list in the body has more than 1000 items.
         *     - `json_object_too_large`: A JSON object in the body has more than 1000 members.
         *     - `json_too_deep`: The JSON body nests deeper than 32 levels.
         *     - `malformed_body`: The body is not well-formed JSON (or a multipart part is not).
         *     - `malformed_multipart`: The multipart body cannot be read.
         *     - `too_many_files`: The multipart body carries more files than the route takes.
         *     - `unexpected_form_field`: A multipart part is not one this route takes, or appears twice.
         *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
         */
        "400_bad_request_or_empty_file_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_malformed_multipart_or_too_many_files_or_unexpected_form_field_or_validation_failed": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "bad_request" | "empty_file" | "idempotency_key_invalid" | "invalid_encoding" | "json_list_too_long" | "json_object_too_large" | "json_too_deep" | "malformed_body" | "malformed_multipart" | "too_many_files" | "unexpected_form_field" | "validation_failed";
                };
            };
        };
        /**
         * @description - `bad_request`: The request is not valid HTTP for this route.
         *     - `empty_file`: The file is empty.
         *     - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.
         *     - `invalid_encoding`: The body is not valid UTF-8.
         *     - `json_list_too_long`: A JSON list in the body has more than 1000 items.
         *     - `json_object_too_large`: A JSON object in the body has more than 1000 members.
         *     - `json_too_deep`: The JSON body nests deeper than 32 levels.
         *     - `malformed_body`: The body is not well-formed JSON (or a multipart part is not).
         *     - `malformed_multipart`: The multipart body cannot be read.
         *     - `too_many_files`: The multipart body carries more files than the route takes.
         *     - `unexpected_form_field`: A multipart part is not one this route takes, or appears twice.
         *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
         *     - `witness_required`: The caller is not a staff member who could be the witness: name one in `witnessUserId`.
         */
        "400_bad_request_or_empty_file_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_malformed_multipart_or_too_many_files_or_unexpected_form_field_or_validation_failed_or_witness_required": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "bad_request" | "empty_file" | "idempotency_key_invalid" | "invalid_encoding" | "json_list_too_long" | "json_object_too_large" | "json_too_deep" | "malformed_body" | "malformed_multipart" | "too_many_files" | "unexpected_form_field" | "validation_failed" | "witness_required";
                };
            };
        };
        /**
         * @description - `bad_request`: The request is not valid HTTP for this route.
         *     - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.
         */
        "400_bad_request_or_idempotency_key_invalid": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "bad_request" | "idempotency_key_invalid";
                };
            };
        };
        /**
         * @description - `bad_request`: The request is not valid HTTP for this route.
         *     - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.
         *     - `invalid_encoding`: The body is not valid UTF-8.
         *     - `json_list_too_long`: A JSON list in the body has more than 1000 items.
         *     - `json_object_too_large`: A JSON object in the body has more than 1000 members.
         *     - `json_too_deep`: The JSON body nests deeper than 32 levels.
         *     - `malformed_body`: The body is not well-formed JSON (or a multipart part is not).
         *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
         */
        "400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "bad_request" | "idempotency_key_invalid" | "invalid_encoding" | "json_list_too_long" | "json_object_too_large" | "json_too_deep" | "malformed_body" | "validation_failed";
                };
            };
        };
        /**
         * @description - `bad_request`: The request is not valid HTTP for this route.
         *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
         */
        "400_bad_request_or_validation_failed": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "bad_request" | "validation_failed";
                };
            };
        };
        /**
         * @description - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.
         *     - `invalid_encoding`: The body is not valid UTF-8.
         *     - `json_list_too_long`: A JSON list in the body has more than 1000 items.
         *     - `json_object_too_large`: A JSON object in the body has more than 1000 members.
         *     - `json_too_deep`: The JSON body nests deeper than 32 levels.
         *     - `malformed_body`: The body is not well-formed JSON (or a multipart part is not).
         *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
         */
        "400_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "idempotency_key_invalid" | "invalid_encoding" | "json_list_too_long" | "json_object_too_large" | "json_too_deep" | "malformed_body" | "validation_failed";
                };
            };
        };
        /** @description - `idempotency_not_supported`: This route does not take an `Idempotency-Key` (it carries secrets, or is public). */
        "400_idempotency_not_supported": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "idempotency_not_supported";
                };
            };
        };
        /**
         * @description - `idempotency_not_supported`: This route does not take an `Idempotency-Key` (it carries secrets, or is public).
         *     - `invalid_encoding`: The body is not valid UTF-8.
         *     - `json_list_too_long`: A JSON list in the body has more than 1000 items.
         *     - `json_object_too_large`: A JSON object in the body has more than 1000 members.
         *     - `json_too_deep`: The JSON body nests deeper than 32 levels.
         *     - `malformed_body`: The body is not well-formed JSON (or a multipart part is not).
         *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
         */
        "400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "idempotency_not_supported" | "invalid_encoding" | "json_list_too_long" | "json_object_too_large" | "json_too_deep" | "malformed_body" | "validation_failed";
                };
            };
        };
        /** @description - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why. */
        "400_validation_failed": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "validation_failed";
                };
            };
        };
        /**
         * @description - `invalid_credentials`: The email address or password is not correct.
         *     - `totp_invalid`: The authenticator code is not correct, or it has already been used.
         *     - `totp_required`: The account uses a second factor: send the current authenticator code as `totpCode`.
         */
        "401_invalid_credentials_or_totp_invalid_or_totp_required": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "invalid_credentials" | "totp_invalid" | "totp_required";
                };
            };
        };
        /**
         * @description - `invalid_token`: The bearer token is unknown, ended, or its account is disabled.
         *     - `session_expired`: The session has expired; sign in again.
         *     - `unauthenticated`: The route needs a bearer token and none was sent.
         */
        "401_invalid_token_or_session_expired_or_unauthenticated": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "invalid_token" | "session_expired" | "unauthenticated";
                };
            };
        };
        /** @description - `signing_link_invalid`: The signing link was used, has expired, was withdrawn, or was copied incompletely. */
        "401_signing_link_invalid": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "signing_link_invalid";
                };
            };
        };
        /**
         * @description - `csrf_failed`: A change made with the browser session cookie lacks its CSRF token in `X-CSRF-Token`.
         *     - `forbidden`: The caller's role (or API key) lacks the permission this route needs.
         *     - `staff_only`: The route is for signed-in staff, not for patients or API keys.
         *     - `totp_enrolment_required`: The caller's role needs a second factor: enrol one before doing anything else.
         */
        "403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "csrf_failed" | "forbidden" | "staff_only" | "totp_enrolment_required";
                };
            };
        };
        /**
         * @description - `csrf_failed`: A change made with the browser session cookie lacks its CSRF token in `X-CSRF-Token`.
         *     - `staff_only`: The route is for signed-in staff, not for patients or API keys.
         */
        "403_csrf_failed_or_staff_only": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "csrf_failed" | "staff_only";
                };
            };
        };
        /**
         * @description - `forbidden`: The caller's role (or API key) lacks the permission this route needs.
         *     - `staff_only`: The route is for signed-in staff, not for patients or API keys.
         *     - `totp_enrolment_required`: The caller's role needs a second factor: enrol one before doing anything else.
         */
        "403_forbidden_or_staff_only_or_totp_enrolment_required": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "forbidden" | "staff_only" | "totp_enrolment_required";
                };
            };
        };
        /** @description - `identity_not_proven`: The date of birth does not match, or the proof of identity is missing or expired. */
        "403_identity_not_proven": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "identity_not_proven";
                };
            };
        };
        /** @description - `patients_only`: The route is for patients signed in to the portal. */
        "403_patients_only": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "patients_only";
                };
            };
        };
        /** @description - `not_found`: A record named in the path or the body does not exist (or is not visible to the caller). */
        "404_not_found": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "not_found";
                };
            };
        };
        /**
         * @description - `not_found`: A record named in the path or the body does not exist (or is not visible to the caller).
         *     - `object_not_found`: The stored object does not exist.
         */
        "404_not_found_or_object_not_found": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "not_found" | "object_not_found";
                };
            };
        };
        /**
         * @description - `not_found`: A record named in the path or the body does not exist (or is not visible to the caller).
         *     - `photos_not_found`: One or more of the photos named do not exist (or are not the patient’s); `photoIds` lists them.
         */
        "404_not_found_or_photos_not_found": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "not_found" | "photos_not_found";
                };
            };
        };
        /** @description - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended. */
        "409_idempotency_in_progress": {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "idempotency_in_progress";
                };
            };
        };
        /**
         * @description - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended.
         *     - `removal_task_state`: The removal task is not in a state that allows this step.
         */
        "409_idempotency_in_progress_or_removal_task_state": {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "idempotency_in_progress" | "removal_task_state";
                };
            };
        };
        /**
         * @description - `file_too_large`: The file is larger than the limit for its kind.
         *     - `metadata_too_large`: The `metadata` part is larger than 64 KiB.
         */
        "413_file_too_large_or_metadata_too_large": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "file_too_large" | "metadata_too_large";
                };
            };
        };
        /**
         * @description - `file_too_large`: The file is larger than the limit for its kind.
         *     - `metadata_too_large`: The `metadata` part is larger than 64 KiB.
         *     - `payload_too_large`: The body is larger than the service accepts.
         */
        "413_file_too_large_or_metadata_too_large_or_payload_too_large": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "file_too_large" | "metadata_too_large" | "payload_too_large";
                };
            };
        };
        /** @description - `payload_too_large`: The body is larger than the service accepts. */
        "413_payload_too_large": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "payload_too_large";
                };
            };
        };
        /**
         * @description - `heic_not_supported`: HEIC/HEIF photos are not taken: export the photo as JPEG.
         *     - `multipart_required`: The route takes multipart/form-data.
         *     - `unsupported_file_type`: The file is not of a type this route takes (judged by its content, not its name).
         */
        "415_heic_not_supported_or_multipart_required_or_unsupported_file_type": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "heic_not_supported" | "multipart_required" | "unsupported_file_type";
                };
            };
        };
        /**
         * @description - `heic_not_supported`: HEIC/HEIF photos are not taken: export the photo as JPEG.
         *     - `multipart_required`: The route takes multipart/form-data.
         *     - `unsupported_file_type`: The file is not of a type this route takes (judged by its content, not its name).
         *     - `unsupported_media_type`: The body is not of a media type this route takes.
         */
        "415_heic_not_supported_or_multipart_required_or_unsupported_file_type_or_unsupported_media_type": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "heic_not_supported" | "multipart_required" | "unsupported_file_type" | "unsupported_media_type";
                };
            };
        };
        /** @description - `unsupported_media_type`: The body is not of a media type this route takes. */
        "415_unsupported_media_type": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "unsupported_media_type";
                };
            };
        };
        /**
         * @description - `assignee_not_eligible`: The user cannot work removal tasks (unknown, disabled, or without the permission).
         *     - `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request.
         */
        "422_assignee_not_eligible_or_idempotency_key_reused": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "assignee_not_eligible" | "idempotency_key_reused";
                };
            };
        };
        /**
         * @description - `document_incomplete`: The document file is truncated or damaged.
         *     - `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request.
         *     - `image_too_many_pixels`: The image has more pixels than the service decodes.
         *     - `image_unreadable`: The image cannot be decoded.
         */
        "422_document_incomplete_or_idempotency_key_reused_or_image_too_many_pixels_or_image_unreadable": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "document_incomplete" | "idempotency_key_reused" | "image_too_many_pixels" | "image_unreadable";
                };
            };
        };
        /** @description - `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request. */
        "422_idempotency_key_reused": {
            headers: {
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "idempotency_key_reused";
                };
            };
        };
        /** @description - `too_many_attempts`: Too many failed sign-in attempts; try again after `Retry-After` seconds. */
        "429_too_many_attempts": {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "too_many_attempts";
                };
            };
        };
        /** @description - `too_many_requests`: Too many requests from this address or for this patient; try again after `Retry-After`. */
        "429_too_many_requests": {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "too_many_requests";
                };
            };
        };
        /** @description - `uploads_busy`: Too many uploads are in progress; try again after `Retry-After` seconds. */
        "503_uploads_busy": {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                "X-Request-Id": components["headers"]["RequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code?: "uploads_busy";
                };
            };
        };
    };
    parameters: {
        /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
        CsrfToken: string;
        /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description `true` when this is the stored answer to an earlier request with the same `Idempotency-Key`. */
        IdempotentReplayed: "true";
        /** @description This request’s id: the one sent in `X-Request-Id` if it was a plain token, else a new UUID. */
        RequestId: string;
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The keys. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"][];
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description The key, with its token. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The API key. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key is revoked. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `bad_request`: The request is not valid HTTP for this route.
             *     - `idempotency_not_supported`: This route does not take an `Idempotency-Key` (it carries secrets, or is public).
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "idempotency_not_supported";
                    };
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                /** @description Events of this audited action. */
                action?: string;
                /** @description Events by this user or API key. */
                actorId?: string;
                /** @description The previous page's `nextCursor`. */
                before?: string;
                /** @description Events concerning the record with this id. */
                entityId?: string;
                /** @description Events concerning records of this kind, e.g. `user`, `patient`, `release`, `session`. */
                entityType?: string;
                /** @description Events recorded at or after this instant. */
                from?: string;
                /** @description Events per page. */
                limit?: number;
                /** @description Done, or a denied attempt. */
                outcome?: "done" | "denied";
                /** @description Events concerning this patient. */
                patientId?: string;
                /** @description Events recorded before this instant. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    AuditController_export: {
        parameters: {
            query?: {
                /** @description Events of this audited action. */
                action?: string;
                /** @description Events by this user or API key. */
                actorId?: string;
                /** @description Events concerning the record with this id. */
                entityId?: string;
                /** @description Events concerning records of this kind, e.g. `user`, `patient`, `release`, `session`. */
                entityType?: string;
                /** @description Events recorded at or after this instant. */
                from?: string;
                /** @description Done, or a denied attempt. */
                outcome?: "done" | "denied";
                /** @description Events concerning this patient. */
                patientId?: string;
                /** @description Events recorded before this instant. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description UTF-8 CSV with a header row, streamed. */
            200: {
                headers: {
                    /** @description Always `attachment`, named by the service (never by the uploader’s file name). */
                    "Content-Disposition"?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": Blob;
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    AuditController_verify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether the chain is intact, and where not. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainVerificationDto"];
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    AuthController_browserSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Signed in: the cookies are set. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_credentials_or_totp_invalid_or_totp_required"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            429: components["responses"]["429_too_many_attempts"];
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description Signed in: the token and the new session. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_credentials_or_totp_invalid_or_totp_required"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            429: components["responses"]["429_too_many_attempts"];
        };
    };
    AuthController_logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session has ended. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400_idempotency_not_supported"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_staff_only"];
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account, the session and its permissions. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            /** @description - `staff_only`: The route is for signed-in staff, not for patients or API keys. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "staff_only";
                    };
                };
            };
        };
    };
    AuthController_changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Changed; every session of the account has ended. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            /**
             * @description - `csrf_failed`: A change made with the browser session cookie lacks its CSRF token in `X-CSRF-Token`.
             *     - `staff_only`: The route is for signed-in staff, not for patients or API keys.
             *     - `totp_enrolment_required`: The caller's role needs a second factor: enrol one before doing anything else.
             *     - `wrong_current_password`: The current password given is not correct.
             */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_failed" | "staff_only" | "totp_enrolment_required" | "wrong_current_password";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            429: components["responses"]["429_too_many_attempts"];
        };
    };
    AuthController_enrolTotp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The secret, pending until a code from it is verified. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrolmentDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_staff_only"];
            /** @description - `totp_already_enrolled`: The account already has a confirmed second factor. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "totp_already_enrolled";
                    };
                };
            };
        };
    };
    AuthController_verifyTotp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpCodeDto"];
            };
        };
        responses: {
            /** @description The code is right; the second factor is active. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpVerifiedDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            /**
             * @description - `invalid_token`: The bearer token is unknown, ended, or its account is disabled.
             *     - `session_expired`: The session has expired; sign in again.
             *     - `totp_invalid`: The authenticator code is not correct, or it has already been used.
             *     - `unauthenticated`: The route needs a bearer token and none was sent.
             */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_token" | "session_expired" | "totp_invalid" | "unauthenticated";
                    };
                };
            };
            403: components["responses"]["403_csrf_failed_or_staff_only"];
            /** @description - `totp_not_enrolled`: There is no second-factor enrolment to verify; start one first. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "totp_not_enrolled";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            429: components["responses"]["429_too_many_attempts"];
        };
    };
    TreatmentCasesController_getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The case’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case and its photos. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    PhotosController_upload: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The case’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The photo: JPEG, PNG, WebP, TIFF or AVIF.
                     */
                    file: Blob;
                    /** @description The fields, as one JSON part. */
                    metadata: components["schemas"]["PhotoUploadMetadataDto"];
                };
            };
        };
        responses: {
            /** @description The stored photo and its renditions. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_empty_file_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_malformed_multipart_or_too_many_files_or_unexpected_form_field_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            /**
             * @description - `duplicate_photo`: The same file is already a photo of the patient; `existingPhotoId` and `existingCaseId` name it.
             *     - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended.
             */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "duplicate_photo" | "idempotency_in_progress";
                    };
                };
            };
            413: components["responses"]["413_file_too_large_or_metadata_too_large"];
            415: components["responses"]["415_heic_not_supported_or_multipart_required_or_unsupported_file_type"];
            /**
             * @description - `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request.
             *     - `image_too_many_pixels`: The image has more pixels than the service decodes.
             *     - `image_unreadable`: The image cannot be decoded.
             *     - `invalid_pairing`: The photos cannot pair: a pair is one before photo and one after or progress photo.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused" | "image_too_many_pixels" | "image_unreadable" | "invalid_pairing";
                    };
                };
            };
            503: components["responses"]["503_uploads_busy"];
        };
    };
    ClearanceController_checkBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClearanceBatchDto"];
            };
        };
        responses: {
            /** @description One decision per check, in the order asked. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearanceBatchResultDto"];
                };
            };
            400: components["responses"]["400_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found_or_photos_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    ClearanceController_lookup: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description JPEG, PNG, WebP, TIFF or AVIF, at least 32 px on each side.
                     */
                    file: Blob;
                    /** @description The fields, as one JSON part. */
                    metadata: components["schemas"]["IntendedUseDto"];
                };
            };
        };
        responses: {
            /** @description The file's SHA-256 and the photos it copies, best first (possibly none). */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearanceLookupResultDto"];
                };
            };
            /**
             * @description - `empty_file`: The file is empty.
             *     - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.
             *     - `invalid_encoding`: The body is not valid UTF-8.
             *     - `json_list_too_long`: A JSON list in the body has more than 1000 items.
             *     - `json_object_too_large`: A JSON object in the body has more than 1000 members.
             *     - `json_too_deep`: The JSON body nests deeper than 32 levels.
             *     - `malformed_body`: The body is not well-formed JSON (or a multipart part is not).
             *     - `malformed_multipart`: The multipart body cannot be read.
             *     - `too_many_files`: The multipart body carries more files than the route takes.
             *     - `unexpected_form_field`: A multipart part is not one this route takes, or appears twice.
             *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "empty_file" | "idempotency_key_invalid" | "invalid_encoding" | "json_list_too_long" | "json_object_too_large" | "json_too_deep" | "malformed_body" | "malformed_multipart" | "too_many_files" | "unexpected_form_field" | "validation_failed";
                    };
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_file_too_large_or_metadata_too_large"];
            415: components["responses"]["415_heic_not_supported_or_multipart_required_or_unsupported_file_type"];
            /**
             * @description - `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request.
             *     - `image_too_many_pixels`: The image has more pixels than the service decodes.
             *     - `image_too_small_to_compare`: The image is too small to compare with the case’s other photos.
             *     - `image_unreadable`: The image cannot be decoded.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused" | "image_too_many_pixels" | "image_too_small_to_compare" | "image_unreadable";
                    };
                };
            };
            503: components["responses"]["503_uploads_busy"];
        };
    };
    FormTemplatesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The templates. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormTemplateListDto"];
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    FormTemplatesController_publish: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishFormTemplateDto"];
            };
        };
        responses: {
            /** @description The template, version 1. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormTemplateDto"];
                };
            };
            400: components["responses"]["400_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    FormTemplatesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A version of the template. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormTemplateDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    FormTemplatesController_publishVersion: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description A version of the template. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PublishFormTemplateDto"];
            };
        };
        responses: {
            /** @description The new version. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FormTemplateDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    HoldsController_lift: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The hold. */
                id: string;
            };
            cookie?: never;
        };
        /** @description Optional: why it is lifted. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["LiftHoldDto"];
            };
        };
        responses: {
            /** @description The hold, lifted. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            /**
             * @description - `hold_already_lifted`: The hold was already lifted.
             *     - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended.
             */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "hold_already_lifted" | "idempotency_in_progress";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    OutboxController_list: {
        parameters: {
            query?: {
                /** @description The previous page's `nextCursor`. */
                before?: string;
                /** @description Messages in this state. */
                delivery?: components["schemas"]["MessageDelivery"];
                /** @description Messages of this kind. */
                kind?: components["schemas"]["MessageKind"];
                /** @description Messages per page. */
                limit?: number;
                /** @description Messages about this removal case. */
                removalCaseId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of messages. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxPageDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    PatientsController_search: {
        parameters: {
            query?: {
                /** @description Birth date, YYYY-MM-DD; narrows a name search. */
                dateOfBirth?: string;
                /** @description Page size. */
                limit?: number;
                /** @description How many matches to skip. */
                offset?: number;
                /** @description Part of the name, a patient code (P-7KQ2M), a record number, or a birth date (YYYY-MM-DD). Give this or dateOfBirth. */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of matching patients. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientSearchResultDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    PatientsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePatientDto"];
            };
        };
        responses: {
            /** @description The patient, with their new code. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientDto"];
                };
            };
            400: components["responses"]["400_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            /**
             * @description - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended.
             *     - `mrn_taken`: Another patient already has this medical record number.
             */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_in_progress" | "mrn_taken";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    PatientsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The patient’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The patient and their cases. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientDetailDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    PatientsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePatientDto"];
            };
        };
        responses: {
            /** @description The patient as it now stands. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            /**
             * @description - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended.
             *     - `mrn_taken`: Another patient already has this medical record number.
             *     - `patient_changed`: Another edit corrected the date of birth while this one was made; read the patient and retry.
             */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_in_progress" | "mrn_taken" | "patient_changed";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    TreatmentCasesController_createCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseDto"];
            };
        };
        responses: {
            /** @description The new case. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    HoldsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The holds. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldListDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    HoldsController_place: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceHoldDto"];
            };
        };
        responses: {
            /** @description The hold, standing. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found_or_photos_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    ReleaseFormsController_preview: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReleaseFormPreviewDto"];
            };
        };
        responses: {
            /** @description The form as rendered. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RenderedFormDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    ReleasesController_list: {
        parameters: {
            query?: {
                /** @description Also list superseded versions. */
                includeSuperseded?: "true" | "false";
            };
            header?: never;
            path: {
                /** @description The patient’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The releases. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseDto"][];
                };
            };
            400: components["responses"]["400_bad_request_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    ReleasesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The signed form: PDF, JPEG or PNG, judged by its bytes; a PDF must be complete.
                     */
                    document: Blob;
                    /** @description The fields, as one JSON part. */
                    metadata: components["schemas"]["ReleaseMetadataDto"];
                };
            };
        };
        responses: {
            /** @description The recorded release. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_empty_file_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_malformed_multipart_or_too_many_files_or_unexpected_form_field_or_validation_failed_or_witness_required"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_file_too_large_or_metadata_too_large"];
            415: components["responses"]["415_heic_not_supported_or_multipart_required_or_unsupported_file_type"];
            422: components["responses"]["422_document_incomplete_or_idempotency_key_reused_or_image_too_many_pixels_or_image_unreadable"];
            503: components["responses"]["503_uploads_busy"];
        };
    };
    RevocationsController_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "scope": {
                 *         "kind": "channels",
                 *         "channels": [
                 *           "social"
                 *         ]
                 *       },
                 *       "receivedAt": "2026-11-30T14:05:00Z",
                 *       "receivedVia": "phone",
                 *       "requester": {
                 *         "type": "patient"
                 *       },
                 *       "identityVerification": "Called back on the number on file; confirmed date of birth"
                 *     }
                 */
                "application/json": components["schemas"]["CreateRevocationDto"];
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The written request (PDF, JPEG or PNG, judged by its bytes), if there is one.
                     */
                    document?: Blob;
                    /** @description The fields, as one JSON part. */
                    metadata: components["schemas"]["CreateRevocationDto"];
                };
            };
        };
        responses: {
            /** @description The revocation as recorded, with the releases it revoked and the removal case it opened. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_empty_file_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_malformed_multipart_or_too_many_files_or_unexpected_form_field_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            /**
             * @description - `not_found`: A record named in the path or the body does not exist (or is not visible to the caller).
             *     - `photos_not_found`: One or more of the photos named do not exist (or are not the patient’s); `photoIds` lists them.
             *     - `releases_not_found`: One or more releases named are not the patient’s; `releaseIds` lists them.
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found" | "photos_not_found" | "releases_not_found";
                    };
                };
            };
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_file_too_large_or_metadata_too_large_or_payload_too_large"];
            415: components["responses"]["415_heic_not_supported_or_multipart_required_or_unsupported_file_type_or_unsupported_media_type"];
            422: components["responses"]["422_document_incomplete_or_idempotency_key_reused_or_image_too_many_pixels_or_image_unreadable"];
            503: components["responses"]["503_uploads_busy"];
        };
    };
    SigningRequestsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSigningRequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningRequestDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    SigningRequestsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The patient. */
                id: string;
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningRequestDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    SigningRequestsController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient. */
                id: string;
                requestId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningRequestDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    SigningRequestsController_sign: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The patient. */
                id: string;
                requestId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignatureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedReleaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    PhotosController_list: {
        parameters: {
            query?: {
                /** @description The previous page's `nextCursor`, for the page after it. */
                before?: string;
                /** @description Photos whose body area contains this text, ignoring case. */
                bodyArea?: string;
                /** @description Only photos the clearance rule clears for this channel now, used as the photo is (its face shown when it shows one; marks not obscured, no name, unpaid); each item then carries the verdict. */
                clearedFor?: components["schemas"]["Channel"];
                /** @description Photos of this kind only. */
                kind?: "before" | "after" | "progress";
                /** @description Photos per page. */
                limit?: number;
                /** @description Photos of cases whose procedure contains this text, ignoring case. */
                procedure?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of photos, newest upload first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LibraryPhotoPageDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    PhotosController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The photo’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The photo. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PhotoDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    ClearanceController_check: {
        parameters: {
            query: {
                /** @description When the use happens (ISO 8601 with zone). Defaults to now; a later time checks a scheduled post. */
                at?: string;
                /** @description Where the photo would appear: a channel code (`social.instagram`, `website`, `print`, …). */
                channel: components["schemas"]["Channel"];
                /** @description Whether the face shows in this use. Defaults to whether the photo shows it. */
                faceShown?: boolean;
                /** @description Whether the photo's identifying marks are obscured in this use. Defaults to false. */
                marksObscured?: boolean;
                /** @description Whether the patient's name is shown with the photo. Defaults to false. */
                nameShown?: boolean;
                /** @description Whether the placement is paid advertising. Defaults to false. */
                paid?: boolean;
            };
            header?: never;
            path: {
                /** @description The photo. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The decision, allowed or not, as recorded in the audit trail. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClearanceDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    PhotosController_rendition: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of a copy held: answered 304 when it is still current. Ignored for `original`. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The photo’s id. */
                id: string;
                /** @description `thumb`: 400 px WebP; `web`: 2048 px JPEG with the rights in XMP; `original`: the upload as stored (roles allowed identified data only). */
                name: "thumb" | "web" | "original";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, `inline`: `thumb` is WebP, `web` JPEG, `original` the type it was uploaded in (JPEG, PNG, WebP, TIFF or AVIF). */
            200: {
                headers: {
                    /** @description `thumb`: `private, max-age=86400, immutable`; `web`: `private, no-cache` (revalidate before each use, as the rights change); `original`: `private, no-store`. */
                    "Cache-Control"?: string;
                    /** @description `inline`, named `<photo id>-<rendition>.<extension>` by the service. */
                    "Content-Disposition"?: string;
                    /** @description Quoted; changes when the bytes change (for `web`, also when the rights written into it change). Send it back as `If-None-Match` to revalidate `thumb` or `web`. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "image/avif": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                    "image/tiff": Blob;
                    "image/webp": Blob;
                };
            };
            /** @description The copy named by `If-None-Match` is current; no body. */
            304: {
                headers: {
                    /** @description `thumb`: `private, max-age=86400, immutable`; `web`: `private, no-cache` (revalidate before each use, as the rights change); `original`: `private, no-store`. */
                    "Cache-Control"?: string;
                    /** @description Quoted; changes when the bytes change (for `web`, also when the rights written into it change). Send it back as `If-None-Match` to revalidate `thumb` or `web`. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400_bad_request_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found_or_object_not_found"];
        };
    };
    PortalController_access: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalAccessDto"];
            };
        };
        responses: {
            /** @description Always the same answer, matched or not. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalAccessAnswerDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            429: components["responses"]["429_too_many_requests"];
        };
    };
    PortalController_logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session has ended. */
            204: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_invalid";
                    };
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_patients_only"];
            409: components["responses"]["409_idempotency_in_progress"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    PortalController_me: {
        parameters: {
            query?: {
                /** @description The language of the sentences. */
                language?: "en" | "es";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything the patient’s consent covers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalOverviewDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_patients_only"];
        };
    };
    PortalController_thumbnail: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of a copy held: 304 without the bytes when it is still current. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The photo. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The thumbnail (at most 400 px on the long edge). */
            200: {
                headers: {
                    /** @description `private, max-age=300`: the browser may keep the thumbnail for five minutes. */
                    "Cache-Control"?: string;
                    /** @description `inline`, named `<photo id>.webp`. */
                    "Content-Disposition"?: string;
                    /** @description The SHA-256 of the bytes, quoted: send it back as `If-None-Match` to revalidate. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": Blob;
                };
            };
            /** @description Not modified: the copy held (`If-None-Match`) is current. */
            304: {
                headers: {
                    /** @description `private, max-age=300`: the browser may keep the thumbnail for five minutes. */
                    "Cache-Control"?: string;
                    /** @description The SHA-256 of the bytes, quoted: send it back as `If-None-Match` to revalidate. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_patients_only"];
            404: components["responses"]["404_not_found_or_object_not_found"];
        };
    };
    PortalController_releaseDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The release (any version the patient has). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed form, in the type it was stored in. */
            200: {
                headers: {
                    /** @description `private, no-store`. */
                    "Cache-Control"?: string;
                    /** @description Always `attachment`, named by the service (never by the uploader’s file name). */
                    "Content-Disposition"?: string;
                    /** @description The SHA-256 of the file, quoted. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_patients_only"];
            404: components["responses"]["404_not_found_or_object_not_found"];
        };
    };
    PortalController_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalRevocationDto"];
            };
        };
        responses: {
            /** @description The receipt of the withdrawal. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalReceiptDto"];
                };
            };
            400: components["responses"]["400_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_patients_only"];
            /**
             * @description - `photos_not_found`: One or more of the photos named do not exist (or are not the patient’s); `photoIds` lists them.
             *     - `releases_not_found`: One or more releases named are not the patient’s; `releaseIds` lists them.
             */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "photos_not_found" | "releases_not_found";
                    };
                };
            };
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    PortalController_revocationReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The revocation. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sealed receipt. */
            200: {
                headers: {
                    /** @description `private, no-store`. */
                    "Cache-Control"?: string;
                    /** @description Always `attachment`, named by the service (never by the uploader’s file name). */
                    "Content-Disposition"?: string;
                    /** @description The SHA-256 of the file, quoted. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_patients_only"];
            404: components["responses"]["404_not_found_or_object_not_found"];
        };
    };
    PortalController_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PortalSessionRequestDto"];
            };
        };
        responses: {
            /** @description The session started. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortalSessionDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            /** @description - `portal_link_invalid`: The portal sign-in link was used, has expired, or was copied incompletely. */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "portal_link_invalid";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            429: components["responses"]["429_too_many_requests"];
        };
    };
    PublicationsController_list: {
        parameters: {
            query?: {
                /** @description The previous page's `nextCursor`. */
                before?: string;
                /** @description This channel and those under it. */
                channel?: components["schemas"]["Channel"];
                /** @description Page size. */
                limit?: number;
                /** @description Only publications of this photo. */
                photoId?: string;
                /** @description Only publications in this status. */
                status?: "live" | "removal_pending" | "removed" | "not_removable";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of publications, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationPageDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    PublicationsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePublicationDto"];
            };
        };
        responses: {
            /** @description The publication recorded, live. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationDto"];
                };
            };
            400: components["responses"]["400_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            /**
             * @description The use is not cleared (now, or at `publishedAt`); nothing was recorded.
             *
             *     - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended.
             *     - `publication_not_cleared`: The photo is not cleared for this publication; `reasons` says why.
             */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & components["schemas"]["NotClearedProblemDto"] & {
                        /** @enum {string} */
                        code?: "idempotency_in_progress" | "publication_not_cleared";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            /**
             * @description - `hosting_not_available`: Hosting is only for publications on channels whose media the service can serve.
             *     - `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "hosting_not_available" | "idempotency_key_reused";
                    };
                };
            };
            /** @description - `release_changing`: A release covering the photo is being changed at this moment; retry shortly. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "release_changing";
                    };
                };
            };
        };
    };
    PublicationsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The publication. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The publication. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    PublicationsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The publication. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePublicationDto"];
            };
        };
        responses: {
            /** @description The publication as it now is. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicationDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    ReleasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The release version’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The release version. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    ReleasesController_amend: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The id of the current version to amend. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The signed form: PDF, JPEG or PNG, judged by its bytes; a PDF must be complete.
                     */
                    document: Blob;
                    /** @description The fields, as one JSON part. */
                    metadata: components["schemas"]["AmendmentMetadataDto"];
                };
            };
        };
        responses: {
            /** @description The new version. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReleaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_empty_file_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_malformed_multipart_or_too_many_files_or_unexpected_form_field_or_validation_failed_or_witness_required"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            /**
             * @description - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended.
             *     - `release_superseded`: The release has been amended; act on its current version.
             */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_in_progress" | "release_superseded";
                    };
                };
            };
            413: components["responses"]["413_file_too_large_or_metadata_too_large"];
            415: components["responses"]["415_heic_not_supported_or_multipart_required_or_unsupported_file_type"];
            422: components["responses"]["422_document_incomplete_or_idempotency_key_reused_or_image_too_many_pixels_or_image_unreadable"];
            503: components["responses"]["503_uploads_busy"];
        };
    };
    ReleasesController_checklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The release version’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checklist. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChecklistDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    ReleasesController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The release version’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed form: PDF, JPEG or PNG, as uploaded. */
            200: {
                headers: {
                    /** @description Always `private, no-store`. */
                    "Cache-Control"?: string;
                    /** @description Always `attachment`, named by the service (never by the uploader’s file name). */
                    "Content-Disposition"?: string;
                    /** @description The SHA-256 of the signed form, quoted (no conditional requests here). */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found_or_object_not_found"];
        };
    };
    ReleasesController_fhir: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The release version’s id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The FHIR R4 Consent. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirConsent"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    RemovalCasesController_list: {
        parameters: {
            query?: {
                /** @description The previous page's `nextCursor`, for the page after it. */
                before?: string;
                /** @description Cases due before this instant. */
                dueBefore?: string;
                /** @description Cases per page. */
                limit?: number;
                /** @description true: open cases past their deadline; false: every other case. */
                overdue?: boolean;
                /** @description The patient's cases only. */
                patientId?: string;
                /** @description `open`: some task is still to be worked; `completed`: every task is done or approved as not removable. */
                status?: "open" | "completed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalCasePageDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    RemovalCasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The removal case. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalCaseDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    RemovalCasesController_addDiscovered: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The removal case. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DiscoveredPublicationDto"];
            };
        };
        responses: {
            /** @description The case, with the new task. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalCaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found_or_photos_not_found"];
            /**
             * @description - `idempotency_in_progress`: A request with this `Idempotency-Key` is still running; retry when it has ended.
             *     - `publication_cleared`: The publication is cleared by consent, so it is not one to remove.
             */
            409: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_in_progress" | "publication_cleared";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            /**
             * @description - `assignee_not_eligible`: The user cannot work removal tasks (unknown, disabled, or without the permission).
             *     - `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request.
             *     - `no_release_on_record`: No release of the patient covers the photo, so the publication found cannot be tied to one.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "assignee_not_eligible" | "idempotency_key_reused" | "no_release_on_record";
                    };
                };
            };
        };
    };
    RemovalTaskOwnersController_owners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The owners, by channel code. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOwnerDto"][];
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    RemovalTaskOwnersController_setOwner: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description A channel code; a prefix such as `social` covers the channels under it. */
                channel: components["schemas"]["Channel"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetTaskOwnerDto"];
            };
        };
        responses: {
            /** @description The channel’s owner as set. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskOwnerDto"];
                };
            };
            /**
             * @description - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.
             *     - `invalid_encoding`: The body is not valid UTF-8.
             *     - `json_list_too_long`: A JSON list in the body has more than 1000 items.
             *     - `json_object_too_large`: A JSON object in the body has more than 1000 members.
             *     - `json_too_deep`: The JSON body nests deeper than 32 levels.
             *     - `malformed_body`: The body is not well-formed JSON (or a multipart part is not).
             *     - `unknown_channel`: The channel is not one the service knows.
             *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_invalid" | "invalid_encoding" | "json_list_too_long" | "json_object_too_large" | "json_too_deep" | "malformed_body" | "unknown_channel" | "validation_failed";
                    };
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            409: components["responses"]["409_idempotency_in_progress"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_assignee_not_eligible_or_idempotency_key_reused"];
        };
    };
    RemovalTaskOwnersController_removeOwner: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description A channel code; a prefix such as `social` covers the channels under it. */
                channel: components["schemas"]["Channel"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The owner was removed. */
            204: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `idempotency_key_invalid`: The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.
             *     - `unknown_channel`: The channel is not one the service knows.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_invalid" | "unknown_channel";
                    };
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    RemovalTasksController_assignedTasks: {
        parameters: {
            query: {
                /** @description Whose tasks: `me`, the signed-in staff member. */
                assignee: "me";
                /** @description Tasks in this status only; every status when absent. */
                status?: "open" | "done" | "not_removable_requested" | "not_removable";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tasks, soonest deadline first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignedRemovalTaskDto"][];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    RemovalTasksController_approve: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The removal task. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case, with the task approved. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalCaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress_or_removal_task_state"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    RemovalTasksController_assign: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The removal task. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignTaskDto"];
            };
        };
        responses: {
            /** @description The case, with the task reassigned. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalCaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress_or_removal_task_state"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_assignee_not_eligible_or_idempotency_key_reused"];
        };
    };
    RemovalTasksController_complete: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The removal task. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "evidence": {
                 *         "kind": "attestation",
                 *         "statement": "Deleted the Instagram post C1 and checked the profile grid",
                 *         "observedAt": "2026-11-30T15:10:00Z"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["CompleteTaskDto"];
                "multipart/form-data": {
                    /** @description The fields, as one JSON part. */
                    metadata: components["schemas"]["CompleteTaskDto"];
                    /**
                     * Format: binary
                     * @description The screenshot: PNG, JPEG or PDF, judged by its bytes.
                     */
                    screenshot: Blob;
                };
            };
        };
        responses: {
            /** @description The case, with the task done. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalCaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_empty_file_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_malformed_multipart_or_too_many_files_or_unexpected_form_field_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress_or_removal_task_state"];
            413: components["responses"]["413_file_too_large_or_metadata_too_large_or_payload_too_large"];
            415: components["responses"]["415_heic_not_supported_or_multipart_required_or_unsupported_file_type_or_unsupported_media_type"];
            /**
             * @description - `document_incomplete`: The document file is truncated or damaged.
             *     - `evidence_required`: The evidence is missing or does not fit its kind (a statement, a file, a URL on record).
             *     - `idempotency_key_reused`: The `Idempotency-Key` was already used for a different request.
             *     - `image_too_many_pixels`: The image has more pixels than the service decodes.
             *     - `image_unreadable`: The image cannot be decoded.
             *     - `removal_not_confirmed`: The URL check found the photo still there, or could not tell; `check` holds its findings.
             *     - `url_not_allowed`: The URL is not an http(s) address on the public internet.
             */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "document_incomplete" | "evidence_required" | "idempotency_key_reused" | "image_too_many_pixels" | "image_unreadable" | "removal_not_confirmed" | "url_not_allowed";
                    };
                };
            };
            503: components["responses"]["503_uploads_busy"];
        };
    };
    RemovalTasksController_notRemovable: {
        parameters: {
            query?: never;
            header?: {
                /** @description A key of your choosing (e.g. a UUID) that makes a retry safe: the same key with the same request answers the first answer again and changes nothing; with another request, 422. A key is remembered for at least 24 hours. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The removal task. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotRemovableDto"];
            };
        };
        responses: {
            /** @description The case, with the task waiting for approval. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalCaseDto"];
                };
            };
            400: components["responses"]["400_bad_request_or_idempotency_key_invalid_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            409: components["responses"]["409_idempotency_in_progress_or_removal_task_state"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            422: components["responses"]["422_idempotency_key_reused"];
        };
    };
    RemovalTasksController_screenshot: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The removal task. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The screenshot, in the type it was stored in. */
            200: {
                headers: {
                    /** @description `private, no-store`: not to be cached. */
                    "Cache-Control"?: string;
                    /** @description Always `attachment`, named by the service (never by the uploader’s file name). */
                    "Content-Disposition"?: string;
                    /** @description The SHA-256 of the file, quoted. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found_or_object_not_found"];
        };
    };
    RemovalReportsController_report: {
        parameters: {
            query?: {
                /** @description Cases opened at or after this instant (default: 365 days before `to`); must be before `to`. */
                from?: string;
                /** @description Cases opened before this instant (default: now). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalReportDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    RemovalReportsController_reportExport: {
        parameters: {
            query?: {
                /** @description Cases opened at or after this instant (default: 365 days before `to`); must be before `to`. */
                from?: string;
                /** @description Cases opened before this instant (default: now). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cases, as an attachment named `removals-<from>-<to>.csv`. */
            200: {
                headers: {
                    /** @description Always `attachment`, named by the service (never by the uploader’s file name). */
                    "Content-Disposition"?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": Blob;
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    RemovalReportsController_weeklyReport: {
        parameters: {
            query?: {
                /** @description Start of the period (default: 365 days before `to`); its week is the first listed. */
                from?: string;
                /** @description End of the period, exclusive (default: now); its week is the last listed. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The weeks, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RemovalWeeklyReportDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    ReportsController_rightsReport: {
        parameters: {
            query?: {
                /** @description How many days ahead to look for expiring releases. */
                expiringWithinDays?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report, as of `generatedAt`. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RightsReportDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    RevocationsController_revocation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The revocation. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revocation. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevocationDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    RevocationsController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The revocation. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The written request, in the type it was stored in. */
            200: {
                headers: {
                    /** @description `private, no-store`: not to be cached. */
                    "Cache-Control"?: string;
                    /** @description Always `attachment`, named by the service (never by the uploader’s file name). */
                    "Content-Disposition"?: string;
                    /** @description The SHA-256 of the file, quoted. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": Blob;
                    "image/jpeg": Blob;
                    "image/png": Blob;
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found_or_object_not_found"];
        };
    };
    SigningRequestsController_list: {
        parameters: {
            query?: {
                status?: components["schemas"]["SigningRequestState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningRequestListDto"];
                };
            };
            400: components["responses"]["400_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    SigningLinksController_open: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SigningLinkOpenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SigningLinkOpenedDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_signing_link_invalid"];
            403: components["responses"]["403_identity_not_proven"];
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
            429: components["responses"]["429_too_many_requests"];
        };
    };
    SigningLinksController_sign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoteSignatureDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedReleaseDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_signing_link_invalid"];
            403: components["responses"]["403_identity_not_proven"];
            /**
             * @description - `form_changed`: The form changed since it was shown (its `sha256` differs): show it again, then sign.
             *     - `signing_request_closed`: The signing request was already signed or cancelled; `status` says which.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "form_changed" | "signing_request_closed";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
        };
    };
    UsersController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accounts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            /** @description The new account. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            400: components["responses"]["400_idempotency_not_supported_or_invalid_encoding_or_json_list_too_long_or_json_object_too_large_or_json_too_deep_or_malformed_body_or_validation_failed"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            /** @description - `email_taken`: Another account already uses this email address. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "email_taken";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
        };
    };
    UsersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The staff account. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            400: components["responses"]["400_bad_request"];
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Required with the browser session cookie (`staffCookie`): the `csrfToken` its sign-in answered. Not used with a bearer token. */
                "X-CSRF-Token"?: components["parameters"]["CsrfToken"];
            };
            path: {
                /** @description The staff account. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            /** @description The account as changed. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /**
             * @description - `bad_request`: The request is not valid HTTP for this route.
             *     - `idempotency_not_supported`: This route does not take an `Idempotency-Key` (it carries secrets, or is public).
             *     - `invalid_encoding`: The body is not valid UTF-8.
             *     - `json_list_too_long`: A JSON list in the body has more than 1000 items.
             *     - `json_object_too_large`: A JSON object in the body has more than 1000 members.
             *     - `json_too_deep`: The JSON body nests deeper than 32 levels.
             *     - `malformed_body`: The body is not well-formed JSON (or a multipart part is not).
             *     - `validation_failed`: A field, parameter or query value is not valid; `errors` lists each field and why.
             */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "idempotency_not_supported" | "invalid_encoding" | "json_list_too_long" | "json_object_too_large" | "json_too_deep" | "malformed_body" | "validation_failed";
                    };
                };
            };
            401: components["responses"]["401_invalid_token_or_session_expired_or_unauthenticated"];
            403: components["responses"]["403_csrf_failed_or_forbidden_or_staff_only_or_totp_enrolment_required"];
            404: components["responses"]["404_not_found"];
            /**
             * @description - `last_admin`: The change would leave no active administrator.
             *     - `own_account`: An administrator cannot set the role or active flag of their own account; another admin can.
             */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "last_admin" | "own_account";
                    };
                };
            };
            413: components["responses"]["413_payload_too_large"];
            415: components["responses"]["415_unsupported_media_type"];
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthStatusDto"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: both dependencies answer. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessDto"];
                };
            };
            /** @description Not ready: a dependency is down or the instance is shutting down (`not_ready`). */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & components["schemas"]["NotReadyProblemDto"];
                };
            };
        };
    };
    MediaRoute_image: {
        parameters: {
            query?: never;
            header?: {
                /** @description The `ETag` of a copy held (or `*`): while the use is still cleared and the image unchanged, the answer is 304 without the bytes. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The random token of the hosted publication’s `mediaUrl`; any other value answers 404. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The web rendition (JPEG, at most 2048 px on the long edge, no metadata). */
            200: {
                headers: {
                    /** @description `public, no-cache`: a browser or CDN may keep the image but must revalidate it (If-None-Match) before every use, so the photo stops showing as soon as consent ends. */
                    "Cache-Control"?: string;
                    /** @description `cross-origin`: the image may be embedded by the clinic’s site, another origin. */
                    "Cross-Origin-Resource-Policy"?: string;
                    /** @description The SHA-256 of the bytes, quoted: send it back as `If-None-Match` to revalidate. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": Blob;
                };
            };
            /** @description Not modified: `If-None-Match` matched and the use is still cleared; show the copy held. */
            304: {
                headers: {
                    /** @description `public, no-cache`: a browser or CDN may keep the image but must revalidate it (If-None-Match) before every use, so the photo stops showing as soon as consent ends. */
                    "Cache-Control"?: string;
                    /** @description The SHA-256 of the bytes, quoted: send it back as `If-None-Match` to revalidate. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            404: components["responses"]["404_not_found_or_object_not_found"];
            /** @description - `media_gone`: Consent for this hosted photo has ended; it is no longer served. */
            410: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "media_gone";
                    };
                };
            };
            /** @description - `rate_limited`: Too many requests for hosted media from this address; try again after `Retry-After`. */
            429: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                    } & {
                        /** @description The same as `Retry-After`. */
                        retryAfterSeconds?: number;
                    };
                };
            };
        };
    };
    StorageController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The signed token from the presigned URL (base64url, a dot, base64url). */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, in the media type the link was made for (`application/octet-stream` when none was named). */
            200: {
                headers: {
                    /** @description Always `no-store`: a capability link’s answer is kept by no cache. */
                    "Cache-Control"?: string;
                    /** @description Sent when the link was made with one, e.g. `attachment; filename="release.pdf"`. */
                    "Content-Disposition"?: string;
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "*/*": Blob;
                    "application/octet-stream": Blob;
                };
            };
            /** @description - `link_invalid`: The storage link is not valid or has expired. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "link_invalid";
                    };
                };
            };
            /** @description - `object_not_found`: The stored object does not exist. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["RequestId"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "object_not_found";
                    };
                };
            };
        };
    };
}
