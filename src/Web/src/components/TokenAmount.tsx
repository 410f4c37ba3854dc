/** A number of tokens with the token mark. `testId` goes on the number alone, which is written without separators. */
export function TokenAmount({ value, testId, className }: { value: number | null; testId?: string; className?: string }) {
  return (
    <span className={`tokens${className ? ` ${className}` : ''}`}>
      <span className="tokens__mark" aria-hidden="true" />
      <span className="tokens__value" data-testid={testId}>
        {value === null ? '—' : value}
      </span>
      <span className="visually-hidden"> tokens</span>
    </span>
  );
}
