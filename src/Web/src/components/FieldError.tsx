/** The message under a form field, when there is one. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) {
    return null;
  }
  return (
    <p className="field-error" id={id} role="alert">
      {message}
    </p>
  );
}
