// tcpdump -n's lines on a container's lo during a lookup asked of Docker's embedded DNS, made
// comparable between the lab and the kernel: what each side draws (the asker's port, the
// resolver's port, the DNS ids, the time stamp) blanked, and sorted, since on lo the order of
// the second query and the first answer is a race (busybox nslookup writes both queries before
// it polls; a resolver on lo may answer the first in between, as in fixtures/dns/embedded-lo.txt).
export function loLines(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.includes(' IP '))
    .map((l) =>
      l
        .replace(/^\S+ IP /, 'IP ')
        .replace(/\b(127\.0\.0\.\d+)\.(?!53\b)\d+/g, '$1.PORT')
        .replace(/: \d+ (\d+\/\d+\/\d+|NXDomain)/, ': ID $1'),
    )
    .sort();
}
