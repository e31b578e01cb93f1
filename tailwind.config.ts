import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#f0f9f1",
          100: "#dcf0de",
          200: "#bae1c0",
          500: "#3f9d4f",
          600: "#2f7f3e",
          700: "#276534",
          800: "#22512d",
        },
      },
      fontFamily: {
        sans: ['"PingFang SC"', '"Noto Sans CJK SC"', '"Microsoft YaHei"', "system-ui", "sans-serif"],
      },
    },
  },
  plugins: [],
} satisfies Config;
