/**
 * Every stable `code` a problem answer can carry, with what it means to a client. The OpenAPI
 * document lists each operation's codes from here (src/openapi/openapi-document.ts), so a client can
 * branch on them; a code is never renamed once published.
 */
export const PROBLEM_CODES = {
  // Any route
  bad_request: 'The request is not valid HTTP for this route.',
  validation_failed: 'A field, parameter or query value is not valid; `errors` lists each field and why.',
  malformed_body: 'The body is not well-formed JSON (or a multipart part is not).',
  invalid_encoding: 'The body is not valid UTF-8.',
  json_too_deep: 'The JSON body nests deeper than 32 levels.',
  json_list_too_long: 'A JSON list in the body has more than 1000 items.',
  json_object_too_large: 'A JSON object in the body has more than 1000 members.',
  payload_too_large: 'The body is larger than the service accepts.',
  unsupported_media_type: 'The body is not of a media type this route takes.',
  not_found: 'A record named in the path or the body does not exist (or is not visible to the caller).',
  method_not_allowed: 'The route does not take this method.',
  not_acceptable: 'The service cannot answer in a media type the request accepts.',
  conflict: 'The request conflicts with the current state of the record.',
  gone: 'The resource existed and is gone for good.',
  length_required: 'The request must say its body’s length.',
  unprocessable: 'The request is well-formed but cannot be acted on.',
  internal_error: 'The service failed; the request id in the answer finds the cause in the logs.',
  unavailable: 'The service cannot answer now; try again after `Retry-After` when it is sent.',
  not_ready: 'The instance cannot take work: a dependency is down or it is shutting down; `checks` says which.',
  console_not_built: 'The web console’s pages are not built on this instance: `npm run build` makes them.',

  // Credentials and access
  unauthenticated: 'The route needs a bearer token and none was sent.',
  invalid_token: 'The bearer token is unknown, ended, or its account is disabled.',
  session_expired: 'The session has expired; sign in again.',
  invalid_credentials: 'The email address or password is not correct.',
  totp_required: 'The account uses a second factor: send the current authenticator code as `totpCode`.',
  totp_invalid: 'The authenticator code is not correct, or it has already been used.',
  portal_link_invalid: 'The portal sign-in link was used, has expired, or was copied incompletely.',
  forbidden: "The caller's role (or API key) lacks the permission this route needs.",
  staff_only: 'The route is for signed-in staff, not for patients or API keys.',
  patients_only: 'The route is for patients signed in to the portal.',
  csrf_failed: 'A change made with the browser session cookie lacks its CSRF token in `X-CSRF-Token`.',
  totp_enrolment_required: "The caller's role needs a second factor: enrol one before doing anything else.",
  wrong_current_password: 'The current password given is not correct.',
  too_many_attempts: 'Too many failed sign-in attempts; try again after `Retry-After` seconds.',
  too_many_requests: 'Too many requests from this address or for this patient; try again after `Retry-After`.',
  rate_limited: 'Too many requests for hosted media from this address; try again after `Retry-After`.',
  totp_already_enrolled: 'The account already has a confirmed second factor.',
  totp_not_enrolled: 'There is no second-factor enrolment to verify; start one first.',
  email_taken: 'Another account already uses this email address.',
  own_account: 'An administrator cannot set the role or active flag of their own account; another admin can.',
  last_admin: 'The change would leave no active administrator.',

  // Idempotency
  idempotency_key_invalid: 'The `Idempotency-Key` header is not 1 to 255 visible ASCII characters.',
  idempotency_key_reused: 'The `Idempotency-Key` was already used for a different request.',
  idempotency_in_progress: 'A request with this `Idempotency-Key` is still running; retry when it has ended.',
  idempotency_not_supported: 'This route does not take an `Idempotency-Key` (it carries secrets, or is public).',

  // Uploads
  multipart_required: 'The route takes multipart/form-data.',
  malformed_multipart: 'The multipart body cannot be read.',
  unexpected_form_field: 'A multipart part is not one this route takes, or appears twice.',
  too_many_files: 'The multipart body carries more files than the route takes.',
  metadata_too_large: 'The `metadata` part is larger than 64 KiB.',
  file_too_large: 'The file is larger than the limit for its kind.',
  empty_file: 'The file is empty.',
  unsupported_file_type: 'The file is not of a type this route takes (judged by its content, not its name).',
  heic_not_supported: 'HEIC/HEIF photos are not taken: export the photo as JPEG.',
  image_unreadable: 'The image cannot be decoded.',
  image_too_many_pixels: 'The image has more pixels than the service decodes.',
  image_too_small_to_compare: 'The image is too small to compare with the case’s other photos.',
  document_incomplete: 'The document file is truncated or damaged.',
  uploads_busy: 'Too many uploads are in progress; try again after `Retry-After` seconds.',

  // Patients, cases, photos
  mrn_taken: 'Another patient already has this medical record number.',
  patient_changed: 'Another edit corrected the date of birth while this one was made; read the patient and retry.',
  photos_not_found: 'One or more of the photos named do not exist (or are not the patient’s); `photoIds` lists them.',
  invalid_pairing: 'The photos cannot pair: a pair is one before photo and one after or progress photo.',
  duplicate_photo: 'The same file is already a photo of the patient; `existingPhotoId` and `existingCaseId` name it.',

  // Releases and holds
  witness_required: 'The caller is not a staff member who could be the witness: name one in `witnessUserId`.',
  release_superseded: 'The release has been amended; act on its current version.',
  hold_already_lifted: 'The hold was already lifted.',
  form_changed: 'The form changed since it was shown (its `sha256` differs): show it again, then sign.',
  signing_request_closed: 'The signing request was already signed or cancelled; `status` says which.',
  signing_request_expired: 'The signing request expired unsigned; make a new one.',
  signing_link_invalid: 'The signing link was used, has expired, was withdrawn, or was copied incompletely.',
  identity_not_proven: 'The date of birth does not match, or the proof of identity is missing or expired.',

  // Publications
  publication_not_cleared: 'The photo is not cleared for this publication; `reasons` says why.',
  hosting_not_available: 'Hosting is only for publications on channels whose media the service can serve.',
  release_changing: 'A release covering the photo is being changed at this moment; retry shortly.',
  url_not_allowed: 'The URL is not an http(s) address on the public internet.',
  media_gone: 'Consent for this hosted photo has ended; it is no longer served.',
  range_not_satisfiable: 'The requested byte range is outside the file.',

  // Revocations and removals
  releases_not_found: 'One or more releases named are not the patient’s; `releaseIds` lists them.',
  publication_cleared: 'The publication is cleared by consent, so it is not one to remove.',
  no_release_on_record: 'No release of the patient covers the photo, so the publication found cannot be tied to one.',
  removal_task_state: 'The removal task is not in a state that allows this step.',
  removal_not_confirmed: 'The URL check found the photo still there, or could not tell; `check` holds its findings.',
  evidence_required: 'The evidence is missing or does not fit its kind (a statement, a file, a URL on record).',
  assignee_not_eligible: 'The user cannot work removal tasks (unknown, disabled, or without the permission).',
  unknown_channel: 'The channel is not one the service knows.',

  // Storage links
  link_invalid: 'The storage link is not valid or has expired.',
  object_not_found: 'The stored object does not exist.',
} as const satisfies Record<string, string>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
