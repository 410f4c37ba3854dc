/** The message under a form field, when there is one. */
export function FieldError({ id, message, testId }: { id: string; message: string | undefined; testId?: string }) {
  if (!message) {
    return null;
  }
  return (
    <p className="field-error" id={id} role="alert" data-testid={testId}>
      {message}
    </p>
  );
}
