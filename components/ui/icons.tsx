// Inline icons (24×24 outline) so the UI needs no icon package. All decorative: the control names itself.
import type { ComponentProps } from "react";

type IconProps = Omit<ComponentProps<"svg">, "children">;

function Icon({ d, className = "size-5", ...props }: IconProps & { d: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
      {...props}
    >
      <path d={d} />
    </svg>
  );
}

export const CloseIcon = (props: IconProps) => <Icon d="M6 6l12 12M18 6L6 18" {...props} />;
export const MenuIcon = (props: IconProps) => <Icon d="M4 7h16M4 12h16M4 17h16" {...props} />;
export const InboxIcon = (props: IconProps) => (
  <Icon d="M3 13h5l1.5 3h5L16 13h5M5.5 5h13L21 13v6H3v-6l2.5-8z" {...props} />
);
