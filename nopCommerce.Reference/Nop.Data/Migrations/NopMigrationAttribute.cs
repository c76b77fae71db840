using System.Globalization;
using FluentMigrator;
using Nop.Core;

namespace Nop.Data.Migrations;

// Version and description are worked out as the host does, so that tests can read them from the attribute.
public partial class NopMigrationAttribute : MigrationAttribute
{
    protected readonly MigrationConfig _config;

    public NopMigrationAttribute(string dateTime, MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : this(new MigrationConfig { DateTime = dateTime, TargetMigrationProcess = targetMigrationProcess })
    {
    }

    public NopMigrationAttribute(string dateTime, string description, MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : this(new MigrationConfig { DateTime = dateTime, Description = description, TargetMigrationProcess = targetMigrationProcess })
    {
    }

    public NopMigrationAttribute(string dateTime, string nopVersion, UpdateMigrationType updateMigrationType, MigrationProcessType targetMigrationProcess = MigrationProcessType.NoMatter)
        : this(new MigrationConfig { DateTime = dateTime, NopVersion = nopVersion, UpdateMigrationType = updateMigrationType, TargetMigrationProcess = targetMigrationProcess })
    {
    }

    protected NopMigrationAttribute(MigrationConfig config) : base(config.Version, config.Description)
    {
        _config = config;
    }

    public virtual MigrationProcessType TargetMigrationProcess => _config.TargetMigrationProcess;

    public virtual bool IsSchemaMigration
    {
        get => _config.IsSchemaMigration;
        protected set => _config.IsSchemaMigration = value;
    }

    public virtual bool ApplyInDbOnDebugMode
    {
        get => _config.ApplyInDbOnDebugMode;
        protected set => _config.ApplyInDbOnDebugMode = value;
    }

    protected partial class MigrationConfig
    {
        protected long? _version;

        protected string _description;

        public string DateTime { get; set; }

        public string NopVersion { get; set; }

        public virtual UpdateMigrationType? UpdateMigrationType { get; set; }

        public virtual MigrationProcessType TargetMigrationProcess { get; set; } = MigrationProcessType.NoMatter;

        public virtual long Version
        {
            get
            {
                if (_version.HasValue)
                    return _version.Value;

                if (string.IsNullOrEmpty(DateTime))
                    throw new NopException("One of the following properties must be initialized: either Version or DateTime");

                var ticks = System.DateTime.ParseExact(DateTime, NopMigrationDefaults.DateFormats, CultureInfo.InvariantCulture).Ticks;

                return UpdateMigrationType.HasValue ? ticks + (int)UpdateMigrationType.Value : ticks;
            }
            set => _version = value;
        }

        public virtual string Description
        {
            get
            {
                if (!string.IsNullOrEmpty(_description))
                    return _description;

                if (string.IsNullOrEmpty(NopVersion))
                    throw new NopException("One of the following properties must be initialized: either Description or NopVersion");

                return UpdateMigrationType.HasValue
                    ? string.Format(NopMigrationDefaults.UpdateMigrationDescription, NopVersion, UpdateMigrationType.ToString())
                    : null;
            }
            set => _description = value;
        }

        public bool ApplyInDbOnDebugMode { get; set; } = true;

        public virtual bool IsSchemaMigration { get; set; }
    }
}
