import { z } from 'zod';

// The CSP forbids eval, so zod must not compile validators with new Function.
z.config({ jitless: true });
